package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

/**
 * A SELECT of one column and at most one row used as a value: {@code (SELECT max(x) FROM t)}.
 * Correlates automatically with an enclosing SELECT's FROM clauses (see {@link Select#correlate}).
 */
public final class ScalarSelect<T> extends ColumnElement<T> {
    private final SelectBase select;
    private final SqlType<T> type;

    ScalarSelect(SelectBase select, SqlType<T> type) {
        this.select = select;
        this.type = type;
    }

    public SelectBase select() {
        return select;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitScalarSelect(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(ScalarSelect.class).add(type).add(select);
    }
}
