package org.jalchemy.engine;

import java.sql.Connection;

/** Transaction isolation levels, plus SQLAlchemy's {@code AUTOCOMMIT} (no transaction at all). */
public enum IsolationLevel {
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE),
    /** Every statement commits by itself; {@code commit()}/{@code rollback()} do nothing. */
    AUTOCOMMIT(-1);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@link java.sql.Connection} constant, or -1 for {@link #AUTOCOMMIT}. */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
