package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.Set;

/** {@code left <op> right}, optionally with a LIKE escape character. Immutable. */
public final class BinaryExpression<T> extends ColumnElement<T> {
    private final ColumnElement<?> left;
    private final Operator operator;
    private final ColumnElement<?> right;
    private final SqlType<T> type;
    private final Character escape;

    BinaryExpression(ColumnElement<?> left, Operator operator, ColumnElement<?> right, SqlType<T> type) {
        this(left, operator, right, type, null);
    }

    private BinaryExpression(ColumnElement<?> left, Operator operator, ColumnElement<?> right, SqlType<T> type,
                             Character escape) {
        this.left = left;
        this.operator = operator;
        this.right = right;
        this.type = type;
        this.escape = escape;
    }

    BinaryExpression<T> withEscape(char c) {
        return new BinaryExpression<>(left, operator, right, type, c);
    }

    public ColumnElement<?> left() {
        return left;
    }

    public Operator operator() {
        return operator;
    }

    public ColumnElement<?> right() {
        return right;
    }

    /** The LIKE escape character, or null. */
    public Character escape() {
        return escape;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    String bindKey() {
        return type == ExprTypes.BOOLEAN ? "param" : left.bindKey();
    }

    @Override
    int precedence() {
        return operator.precedence();
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitBinary(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(BinaryExpression.class).add(operator.name()).add(type).add(escape).add(left).add(right);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        left.collectFroms(out);
        right.collectFroms(out);
    }
}
