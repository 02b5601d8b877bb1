package org.jalchemy.schema;

import org.jalchemy.exc.NoReferencedColumnError;
import org.jalchemy.exc.NoReferencedTableError;

import java.util.List;
import java.util.Objects;

/**
 * FOREIGN KEY (columns) REFERENCES referredTable (referredColumns), composite allowed, with
 * ON DELETE / ON UPDATE actions. The referred table is named ({@code table} or {@code schema.table})
 * and looked up in the same {@link MetaData} when needed; {@link #referredTable()} raises
 * {@link NoReferencedTableError} / {@link NoReferencedColumnError} naming both ends when the
 * target is missing.
 *
 * <p>{@link #useAlter(boolean)} (or being part of a dependency cycle) makes createAll add it with
 * ALTER TABLE after the tables exist, on databases that allow that.
 */
public final class ForeignKeyConstraint extends Constraint {
    private final List<String> columns;
    private final String referredTableKey;
    private final List<String> referredColumns;
    private String onDelete;
    private String onUpdate;
    private boolean useAlter;

    ForeignKeyConstraint(Table table, String name, List<String> columns, String referredTableKey,
                         List<String> referredColumns) {
        super(table, name);
        this.columns = List.copyOf(columns);
        this.referredTableKey = Objects.requireNonNull(referredTableKey);
        this.referredColumns = List.copyOf(referredColumns);
        if (columns.size() != referredColumns.size() || columns.isEmpty()) {
            throw new org.jalchemy.exc.ArgumentError("Foreign key on " + table.fullname() + columns
                    + " must name as many referred columns as local ones, got " + referredColumns);
        }
    }

    public ForeignKeyConstraint onDelete(String action) {
        this.onDelete = action;
        return this;
    }

    public ForeignKeyConstraint onUpdate(String action) {
        this.onUpdate = action;
        return this;
    }

    public ForeignKeyConstraint useAlter(boolean value) {
        this.useAlter = value;
        return this;
    }

    public ForeignKeyConstraint name(String name) {
        setName(name);
        return this;
    }

    public String onDeleteAction() {
        return onDelete;
    }

    public String onUpdateAction() {
        return onUpdate;
    }

    public boolean isUseAlter() {
        return useAlter;
    }

    @Override
    public List<String> columnNames() {
        return columns;
    }

    /** {@code table} or {@code schema.table}, as declared. */
    public String referredTableName() {
        return referredTableKey;
    }

    public List<String> referredColumnNames() {
        return referredColumns;
    }

    /** The referred table in this table's MetaData; raises when it or one of the referred columns is missing. */
    public Table referredTable() {
        MetaData md = table().metadata();
        Table t = md.tableOrNull(referredTableKey);
        if (t == null && !referredTableKey.contains(".") && table().schema() != null) {
            t = md.tableOrNull(table().schema() + "." + referredTableKey);
        }
        if (t == null) {
            throw new NoReferencedTableError("Foreign key on " + table().fullname() + columns
                    + " references table '" + referredTableKey + "', which is not in the MetaData");
        }
        for (String c : referredColumns) {
            if (!t.hasColumn(c)) {
                throw new NoReferencedColumnError("Foreign key on " + table().fullname() + columns
                        + " references column '" + c + "', which table '" + t.fullname() + "' does not have");
            }
        }
        return t;
    }

    @Override
    String conventionKey() {
        return "fk";
    }

    @Override
    public String toString() {
        return "ForeignKeyConstraint" + columns + " -> " + referredTableKey + referredColumns;
    }
}
