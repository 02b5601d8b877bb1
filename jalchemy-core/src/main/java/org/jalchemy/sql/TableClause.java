package org.jalchemy.sql;

import java.util.List;
import java.util.Objects;

/**
 * A named table (SQLAlchemy's lightweight {@code TableClause}): a name, an optional schema and
 * its columns. The schema package's {@code Table} extends it with MetaData, constraints and DDL.
 */
public class TableClause extends FromClause {
    private final String name;
    private final String schema;

    public TableClause(String name, String schema) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = schema;
    }

    public String name() {
        return name;
    }

    /** Schema name, or null for the default schema. */
    public String schema() {
        return schema;
    }

    /** The columns; subclasses own their storage. */
    @Override
    public List<? extends ColumnClause<?>> columns() {
        return List.of();
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
