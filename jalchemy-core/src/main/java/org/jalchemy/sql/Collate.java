package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Set;

/** {@code expr COLLATE name}. */
public final class Collate<T> extends ColumnElement<T> {
    private final ColumnElement<T> element;
    private final String collation;

    Collate(ColumnElement<T> element, String collation) {
        this.element = element;
        this.collation = collation;
    }

    public ColumnElement<T> element() {
        return element;
    }

    public String collation() {
        return collation;
    }

    @Override
    public SqlType<T> type() {
        return element.type();
    }

    @Override
    int precedence() {
        return Precedence.UNARY;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitCollate(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Collate.class).add(collation).add(element);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        element.collectFroms(out);
    }
}
