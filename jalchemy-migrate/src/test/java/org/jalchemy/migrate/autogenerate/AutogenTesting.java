package org.jalchemy.migrate.autogenerate;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.MetaData;

import java.util.List;

/** Set-up shared by the autogenerate tests: tables of one prefix dropped, comparisons limited to that prefix. */
final class AutogenTesting {
    private AutogenTesting() {
    }

    /** Drops every table (and PostgreSQL enum type) whose name starts with {@code prefix}. */
    static void dropPrefixed(Engine e, String prefix) {
        try (Connection c = e.connect()) {
            String dialect = e.dialect().name();
            if (!dialect.equals("postgresql") && !dialect.equals("sqlite")) {
                c.execDriverSql("SET FOREIGN_KEY_CHECKS = 0");
            }
            if (dialect.equals("sqlite")) {
                c.execDriverSql("PRAGMA foreign_keys = OFF");
            }
            for (String t : new Inspector(c).getTableNames(null)) {
                if (t.startsWith(prefix)) {
                    c.execDriverSql("DROP TABLE IF EXISTS " + e.dialect().quoteIdentifier(t)
                            + (dialect.equals("postgresql") ? " CASCADE" : ""));
                }
            }
            if (dialect.equals("postgresql")) {
                for (var r : c.execDriverSql("SELECT typname FROM pg_type WHERE typtype = 'e' AND typname LIKE '" + prefix + "%'").all()) {
                    c.execDriverSql("DROP TYPE IF EXISTS " + e.dialect().quoteIdentifier(String.valueOf(r.get(0))) + " CASCADE");
                }
            }
            if (!dialect.equals("postgresql") && !dialect.equals("sqlite")) {
                c.execDriverSql("SET FOREIGN_KEY_CHECKS = 1");
            }
            if (dialect.equals("sqlite")) {
                c.execDriverSql("PRAGMA foreign_keys = ON");
            }
            c.commit();
        }
    }

    static AutogenerateOptions only(String prefix) {
        return AutogenerateOptions.defaults().includeName((name, type, parents) ->
                type != AutogenerateOptions.ObjectType.TABLE || name.startsWith(prefix));
    }

    static Autogenerate.Diff compare(Engine e, MetaData md, AutogenerateOptions options) {
        try (Connection c = e.connect()) {
            return Autogenerate.compare(md, c, options);
        }
    }

    static List<String> described(Autogenerate.Diff diff) {
        return diff.upgradeOps().stream().map(MigrateOp::describe).toList();
    }
}
