package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Objects;
import java.util.Set;

/** {@code expr AS name}: names a result column; in ORDER BY/GROUP BY it renders as the name. */
public final class Label<T> extends ColumnElement<T> {
    private final String name;
    private final ColumnElement<T> element;

    Label(String name, ColumnElement<T> element) {
        this.name = Objects.requireNonNull(name, "name");
        this.element = element instanceof Label<T> l ? l.element : element;
    }

    @Override
    public String name() {
        return name;
    }

    public ColumnElement<T> element() {
        return element;
    }

    @Override
    public SqlType<T> type() {
        return element.type();
    }

    @Override
    String bindKey() {
        return element.bindKey();
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitLabel(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Label.class).add(name).add(element);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        element.collectFroms(out);
    }
}
