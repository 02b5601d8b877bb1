package org.jalchemy.migrate.lint;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.types.SqlType;

/** Small helpers for the tests that check lint's claims on live servers. */
final class LiveDb {
    private LiveDb() {
    }

    static String typeSql(Engine e, SqlType<?> t) {
        return e.dialect().typeCompiler().process(t);
    }

    static void exec(Connection c, String... sql) {
        for (String s : sql) {
            c.execDriverSql(s);
        }
    }

    /** PostgreSQL: the table's storage file; a rewrite gives it a new one. */
    static long relfilenode(Connection c, String table) {
        return ((Number) c.execDriverSql("SELECT relfilenode FROM pg_class WHERE oid = '" + table + "'::regclass").scalarOne()).longValue();
    }

    /** True when {@code sql} succeeds (MariaDB: used with ALGORITHM=... clauses); a failed ALTER changes nothing. */
    static boolean succeeds(Connection c, String sql) {
        try {
            c.execDriverSql(sql);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
