package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Set;

/** {@code x [NOT] BETWEEN lo AND hi}. */
public final class Between extends ColumnElement<Boolean> {
    private final ColumnElement<?> element;
    private final ColumnElement<?> lo;
    private final ColumnElement<?> hi;
    private final boolean negate;

    Between(ColumnElement<?> element, ColumnElement<?> lo, ColumnElement<?> hi, boolean negate) {
        this.element = element;
        this.lo = lo;
        this.hi = hi;
        this.negate = negate;
    }

    public ColumnElement<?> element() {
        return element;
    }

    public ColumnElement<?> lower() {
        return lo;
    }

    public ColumnElement<?> upper() {
        return hi;
    }

    public boolean negated() {
        return negate;
    }

    @Override
    public SqlType<Boolean> type() {
        return ExprTypes.BOOLEAN;
    }

    @Override
    int precedence() {
        return Precedence.COMPARISON;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitBetween(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Between.class).add(negate).add(element).add(lo).add(hi);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        element.collectFroms(out);
        lo.collectFroms(out);
        hi.collectFroms(out);
    }
}
