package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Set;

/**
 * An ORDER BY item: an expression with optional direction and NULLS FIRST/LAST. Dialects without
 * NULLS FIRST/LAST (MySQL, SQL Server) get an equivalent extra sort key.
 */
public final class Ordering<T> extends ColumnElement<T> {
    private final ColumnElement<T> element;
    private final Boolean descending;
    private final Boolean nullsFirst;

    Ordering(ColumnElement<T> element, Boolean descending, Boolean nullsFirst) {
        if (element instanceof Ordering<T> o) {
            this.element = o.element;
            this.descending = descending != null ? descending : o.descending;
            this.nullsFirst = nullsFirst != null ? nullsFirst : o.nullsFirst;
        } else {
            this.element = element;
            this.descending = descending;
            this.nullsFirst = nullsFirst;
        }
    }

    public ColumnElement<T> element() {
        return element;
    }

    /** TRUE for DESC, FALSE for ASC, null when unspecified. */
    public Boolean descending() {
        return descending;
    }

    /** TRUE for NULLS FIRST, FALSE for NULLS LAST, null when unspecified. */
    public Boolean nullsFirstFlag() {
        return nullsFirst;
    }

    @Override
    public Ordering<T> asc() {
        return new Ordering<>(this, false, null);
    }

    @Override
    public Ordering<T> desc() {
        return new Ordering<>(this, true, null);
    }

    @Override
    public Ordering<T> nullsFirst() {
        return new Ordering<>(this, null, true);
    }

    @Override
    public Ordering<T> nullsLast() {
        return new Ordering<>(this, null, false);
    }

    @Override
    public SqlType<T> type() {
        return element.type();
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitOrdering(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Ordering.class).add(descending).add(nullsFirst).add(element);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        element.collectFroms(out);
    }
}
