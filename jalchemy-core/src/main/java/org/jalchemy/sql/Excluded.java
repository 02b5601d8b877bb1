package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

/**
 * In an upsert's SET clause, the value the INSERT tried to write for {@code column}:
 * {@code excluded.col} on PostgreSQL/SQLite, {@code VALUES(col)} on MySQL/MariaDB, the source row
 * in a MERGE.
 */
public final class Excluded<T> extends ColumnElement<T> {
    private final ColumnClause<T> column;

    Excluded(ColumnClause<T> column) {
        this.column = column;
    }

    public ColumnClause<T> column() {
        return column;
    }

    @Override
    public SqlType<T> type() {
        return column.type();
    }

    @Override
    public String name() {
        return column.name();
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitExcluded(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Excluded.class).add(column.name());
    }
}
