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

    /**
     * An empty database of its own on the backend's server, dropped first when it exists, and a new
     * engine whose default it is (the caller disposes it): a PostgreSQL schema {@code name} of the
     * test database (via {@code currentSchema}), a MariaDB database {@code <testdb>_<name>}, a SQLite
     * file {@code target/<name>_<pid>.db}. For tests that need a second database: a stand-in replica,
     * shards, an isolated schema.
     */
    public static Engine isolatedDatabase(Backend b, String name) {
        return isolatedDatabase(b, name, o -> o);
    }

    /** As {@link #isolatedDatabase(Backend, String)} with engine options. */
    public static Engine isolatedDatabase(Backend b, String name,
                                          java.util.function.UnaryOperator<org.jalchemy.engine.EngineOptions.Builder> options) {
        var opts = options.apply(org.jalchemy.engine.EngineOptions.builder().poolSize(2).maxOverflow(6)).build();
        if (b.isSqlite()) {
            java.nio.file.Path file = java.nio.file.Path.of("target", name + "_" + ProcessHandle.current().pid() + ".db");
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return org.jalchemy.Jalchemy.createEngine("sqlite:///" + file, opts);
        }
        if (b.isPostgresql()) {
            exec(b.engine(), "DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name);
            return org.jalchemy.Jalchemy.createEngine(b.url() + (b.url().contains("?") ? "&" : "?") + "currentSchema=" + name,
                    opts);
        }
        String url = b.url();
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String db = base.substring(base.lastIndexOf('/') + 1) + "_" + name;
        exec(b.engine(), "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
        return org.jalchemy.Jalchemy.createEngine(base.substring(0, base.lastIndexOf('/') + 1) + db
                + (q < 0 ? "" : url.substring(q)), opts);
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
