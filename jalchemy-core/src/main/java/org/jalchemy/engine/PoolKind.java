package org.jalchemy.engine;

/** Which pool an engine uses (SQLAlchemy's {@code poolclass}). */
public enum PoolKind {
    /** HikariCP with {@code poolSize} kept and up to {@code maxOverflow} more (SQLAlchemy's QueuePool). */
    QUEUE,
    /** One shared connection for everyone (SQLAlchemy's StaticPool); the default for in-memory SQLite. */
    STATIC,
    /** No pooling: a new connection per checkout, closed at checkin (SQLAlchemy's NullPool). */
    NULL
}
