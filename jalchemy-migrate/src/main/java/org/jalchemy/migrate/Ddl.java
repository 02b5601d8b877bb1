package org.jalchemy.migrate;

import org.jalchemy.migrate.ops.ColumnDef;
import org.jalchemy.migrate.ops.ConstraintDef;
import org.jalchemy.migrate.ops.IndexDef;
import org.jalchemy.migrate.ops.TableDef;
import org.jalchemy.migrate.ops.TableElement;
import org.jalchemy.types.SqlType;

import java.util.List;

/**
 * The definitions revision scripts write, imported statically next to the types
 * ({@code import static org.jalchemy.migrate.Ddl.*; import static org.jalchemy.types.SqlTypes.*;}):
 * <pre>{@code
 * op.createTable("posts",
 *         column("id", integer()).primaryKey(),
 *         column("user_id", integer()).nullable(false),
 *         column("title", string(200)).nullable(false),
 *         foreignKey("user_id").references("users", "id").named("fk_posts_user_id_users").onDelete("CASCADE"),
 *         unique("user_id", "title").named("uq_posts_user_id_title"),
 *         index("ix_posts_title", "title"));
 * }</pre>
 * All values are immutable; names left out are given by the target MetaData's naming convention.
 */
public final class Ddl {
    private Ddl() {
    }

    public static ColumnDef column(String name, SqlType<?> type) {
        return ColumnDef.of(name, type);
    }

    public static TableDef table(String name, TableElement... elements) {
        return TableDef.of(name, elements);
    }

    public static ConstraintDef.PrimaryKey primaryKey(String... columns) {
        return new ConstraintDef.PrimaryKey(null, List.of(columns));
    }

    public static ConstraintDef.Unique unique(String... columns) {
        return new ConstraintDef.Unique(null, List.of(columns));
    }

    public static ConstraintDef.Check check(String sqltext) {
        return new ConstraintDef.Check(null, sqltext);
    }

    /** {@code foreignKey("user_id").references("users", "id")}; the referred table may be {@code "schema.table"}. */
    public static ForeignKeyStart foreignKey(String... columns) {
        return new ForeignKeyStart(List.of(columns));
    }

    /** An index inside {@code createTable}, or with {@code .on(table)} for {@code op.createIndex}. */
    public static IndexDef index(String name, String... elements) {
        return new IndexDef(name, null, null, List.of(elements), false, false);
    }

    /** A functional index element, e.g. {@code index("ix_lower_email", expr("lower(email)"))}. */
    public static String expr(String sql) {
        return IndexDef.EXPR + sql;
    }

    /** First half of a foreign key: the local columns. */
    public record ForeignKeyStart(List<String> columns) {
        public ConstraintDef.ForeignKey references(String table, String... referredColumns) {
            int dot = table.indexOf('.');
            return new ConstraintDef.ForeignKey(null, columns, dot < 0 ? null : table.substring(0, dot),
                    dot < 0 ? table : table.substring(dot + 1), List.of(referredColumns), null, null);
        }
    }
}
