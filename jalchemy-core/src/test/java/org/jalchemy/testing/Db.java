package org.jalchemy.testing;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;

import static org.jalchemy.sql.Sql.text;

/** Small helpers for tests that manage their own tables with raw DDL. */
public final class Db {
    private Db() {
    }

    /** Drops the tables if they exist, in the given order, committing. */
    public static void dropTables(Engine engine, String... tables) {
        try (Connection c = engine.connect()) {
            for (String t : tables) {
                c.execute(text("DROP TABLE IF EXISTS " + engine.dialect().quoteIdentifier(t)));
            }
            c.commit();
        }
    }

    /** Runs DDL/DML statements and commits. */
    public static void exec(Engine engine, String... statements) {
        try (Connection c = engine.connect()) {
            for (String s : statements) {
                c.execute(text(s));
            }
            c.commit();
        }
    }

    /**
     * A query that runs for about 30 seconds unless it is cancelled (tests of cancellation and
     * timeouts): {@code pg_sleep} on PostgreSQL, {@code SLEEP} on MariaDB (which a
     * {@code KILL QUERY} ends early, returning 1 rather than failing), a two-billion-step recursive
     * CTE on SQLite.
     */
    public static String slowQuery(Backend backend) {
        if (backend.isPostgresql()) {
            return "SELECT pg_sleep(30)";
        }
        if (backend.isMariadb()) {
            return "SELECT SLEEP(30)";
        }
        return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) "
                + "SELECT COUNT(*) FROM c";
    }

    /** {@code SELECT COUNT(*) FROM table} on a fresh connection. */
    public static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return ((Number) c.execute(text("SELECT COUNT(*) FROM " + engine.dialect().quoteIdentifier(table)))
                    .scalarOne()).longValue();
        }
    }
}
