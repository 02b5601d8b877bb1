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

    /** {@code SELECT COUNT(*) FROM table} on a fresh connection. */
    public static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return ((Number) c.execute(text("SELECT COUNT(*) FROM " + engine.dialect().quoteIdentifier(table)))
                    .scalarOne()).longValue();
        }
    }
}
