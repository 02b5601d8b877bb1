package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Set;

/**
 * {@code EXISTS (SELECT * FROM ... WHERE ...)} built SQLAlchemy's way, {@code exists().where(...)}:
 * a boolean expression whose subquery takes its FROM entries from the criteria and correlates
 * with the enclosing SELECT like any subquery ({@code select(users).where(exists().where(
 * addresses.c(UID).eq(users.c(ID))))} lists only {@code addresses} inside). Immutable; each
 * builder returns a new one. {@code Sql.exists(select)} wraps a SELECT you built yourself.
 */
public final class Exists extends ColumnElement<Boolean> {
    private final Select<?> select;
    private final UnaryExpression<Boolean> expression;

    Exists(Select<?> select) {
        this.select = select;
        this.expression = new UnaryExpression<>(select, UnaryExpression.Kind.EXISTS, ExprTypes.BOOLEAN);
    }

    /** Adds WHERE criteria to the subquery (ANDed). */
    @SafeVarargs
    public final Exists where(ColumnElement<Boolean>... criteria) {
        return new Exists(select.where(criteria));
    }

    /** Adds explicit FROM entries to the subquery. */
    public Exists selectFrom(FromClause... from) {
        return new Exists(select.selectFrom(from));
    }

    /** Correlates exactly these FROM entries with the enclosing SELECT. */
    public Exists correlate(FromClause... from) {
        return new Exists(select.correlate(from));
    }

    /** The subquery. */
    public Select<?> select() {
        return select;
    }

    @Override
    public SqlType<Boolean> type() {
        return ExprTypes.BOOLEAN;
    }

    @Override
    int precedence() {
        return expression.precedence();
    }

    @Override
    void compileTo(SqlCompiler c) {
        expression.compileTo(c);
    }

    @Override
    void keyTo(KeyBuilder k) {
        expression.keyTo(k);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        expression.collectFroms(out);
    }
}
