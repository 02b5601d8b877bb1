package org.jalchemy.migrate.autogenerate;

import org.jalchemy.schema.Reflected;

import java.util.List;

/**
 * Everything reflection says about one table, read once per comparison. Immutable snapshot; the
 * lists are as the dialect's reflector reports them (see {@code Comparison} for the per-dialect
 * clean-up of indexes that merely back a constraint).
 */
record ReflectedTable(List<Reflected.Column> columns, Reflected.PrimaryKey primaryKey,
                      List<Reflected.ForeignKey> foreignKeys, List<Reflected.Index> indexes,
                      List<Reflected.Unique> uniques, List<Reflected.Check> checks, String comment) {

    static ReflectedTable of(Reflected.Table t) {
        return new ReflectedTable(t.columns(), t.primaryKey(), t.foreignKeys(), t.indexes(), t.uniques(), t.checks(),
                t.comment());
    }

    Reflected.Column column(String name) {
        for (Reflected.Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        for (Reflected.Column c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
