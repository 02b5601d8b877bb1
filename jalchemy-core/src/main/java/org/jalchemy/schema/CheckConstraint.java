package org.jalchemy.schema;

import java.util.List;

/**
 * CHECK (sql): {@link #sqltext()} is literal SQL rendered as given, so it is not portable unless
 * written portably; quote identifiers in it yourself.
 */
public final class CheckConstraint extends Constraint {
    private final String sqltext;

    CheckConstraint(Table table, String name, String sqltext) {
        super(table, name);
        this.sqltext = sqltext;
    }

    public String sqltext() {
        return sqltext;
    }

    @Override
    public List<String> columnNames() {
        return List.of();
    }

    @Override
    String conventionKey() {
        return "ck";
    }

    @Override
    public String toString() {
        return "CheckConstraint(" + sqltext + ")";
    }
}
