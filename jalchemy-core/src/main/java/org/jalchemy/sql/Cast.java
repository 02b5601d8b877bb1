package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Set;

/** {@code CAST(expr AS type)}; the type name is rendered by the dialect's compiler. */
public final class Cast<T> extends ColumnElement<T> {
    private final ColumnElement<?> element;
    private final SqlType<T> type;

    Cast(ColumnElement<?> element, SqlType<T> type) {
        this.element = element;
        this.type = type;
    }

    public ColumnElement<?> element() {
        return element;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    String bindKey() {
        return element.bindKey();
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitCast(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Cast.class).add(type).add(element);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        element.collectFroms(out);
    }
}
