package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code a AND b AND ...} or {@code a OR b OR ...}. Nested lists of the same operator are
 * flattened; an empty AND is true and an empty OR is false (rendered as such).
 */
public final class BooleanClauseList extends ColumnElement<Boolean> {
    private final boolean isAnd;
    private final List<ColumnElement<?>> clauses;

    private BooleanClauseList(boolean isAnd, List<ColumnElement<?>> clauses) {
        this.isAnd = isAnd;
        this.clauses = clauses;
    }

    static ColumnElement<Boolean> of(boolean isAnd, List<? extends ColumnElement<?>> in) {
        List<ColumnElement<?>> flat = new ArrayList<>(in.size());
        for (ColumnElement<?> c : in) {
            if (c == null) {
                continue;
            }
            if (c instanceof BooleanClauseList b && b.isAnd == isAnd) {
                flat.addAll(b.clauses);
            } else {
                flat.add(c);
            }
        }
        if (flat.size() == 1 && flat.get(0).type() == ExprTypes.BOOLEAN) {
            @SuppressWarnings("unchecked")
            ColumnElement<Boolean> only = (ColumnElement<Boolean>) flat.get(0);
            return only;
        }
        return new BooleanClauseList(isAnd, List.copyOf(flat));
    }

    public boolean isAnd() {
        return isAnd;
    }

    public List<ColumnElement<?>> clauses() {
        return clauses;
    }

    @Override
    public org.jalchemy.types.SqlType<Boolean> type() {
        return ExprTypes.BOOLEAN;
    }

    @Override
    int precedence() {
        return clauses.size() <= 1 ? Precedence.ATOM : isAnd ? Precedence.AND : Precedence.OR;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitBooleanList(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(BooleanClauseList.class).add(isAnd).addAll(clauses);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        for (ColumnElement<?> c : clauses) {
            c.collectFroms(out);
        }
    }
}
