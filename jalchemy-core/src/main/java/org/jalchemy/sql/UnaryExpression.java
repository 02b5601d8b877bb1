package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Set;

/** A prefix or postfix operator on one expression: NOT, unary minus, DISTINCT, IS [NOT] NULL, EXISTS. */
public final class UnaryExpression<T> extends ColumnElement<T> {
    /** The operator. */
    public enum Kind {
        NOT("NOT ", "", Precedence.NOT),
        NEG("-", "", Precedence.UNARY),
        DISTINCT("DISTINCT ", "", Precedence.UNARY),
        IS_NULL("", " IS NULL", Precedence.COMPARISON),
        IS_NOT_NULL("", " IS NOT NULL", Precedence.COMPARISON),
        EXISTS("EXISTS ", "", Precedence.ATOM);

        final String prefix;
        final String suffix;
        final int precedence;

        Kind(String prefix, String suffix, int precedence) {
            this.prefix = prefix;
            this.suffix = suffix;
            this.precedence = precedence;
        }
    }

    private final ClauseElement element;
    private final Kind kind;
    private final SqlType<T> type;

    UnaryExpression(ClauseElement element, Kind kind, SqlType<T> type) {
        this.element = element;
        this.kind = kind;
        this.type = type;
    }

    public ClauseElement element() {
        return element;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    int precedence() {
        return kind.precedence;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitUnary(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(UnaryExpression.class).add(kind).add(type).add(element);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        element.collectFroms(out);
    }
}
