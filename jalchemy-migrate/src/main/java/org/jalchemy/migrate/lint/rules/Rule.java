package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintRule;
import org.jalchemy.migrate.lint.Severity;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.NullType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.SqlType;
import org.jalchemy.migrate.ops.ColumnDef;

/** Id, severity and summary of a built-in rule, and helpers the rules share. Subclasses are stateless. */
abstract class Rule implements LintRule {
    private final String id;
    private final Severity severity;
    private final String summary;

    Rule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return id;
    }

    /** {@code schema.table} or {@code table}, for messages. */
    static String qualified(String schema, String table) {
        return schema == null ? String.valueOf(table) : schema + "." + table;
    }

    static boolean isInteger(SqlType<?> t) {
        return t instanceof IntegerType || t instanceof BigIntegerType || t instanceof SmallIntegerType;
    }

    /** True when the database generates the column's values (SERIAL, AUTO_INCREMENT, IDENTITY). */
    static boolean generatesValues(ColumnDef c) {
        if (c.autoincrement() != null) {
            return c.autoincrement() && (isInteger(c.type()) || c.type() instanceof NullType);  // NullType: raw SQL
        }
        return c.isPrimaryKey() && isInteger(c.type()) && c.foreignKey() == null;
    }
}
