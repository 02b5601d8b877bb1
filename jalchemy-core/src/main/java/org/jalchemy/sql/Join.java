package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code left [LEFT OUTER | FULL OUTER] JOIN right ON condition}. Its columns are both sides'
 * columns. Made by {@link FromClause#join} and {@link Select#join}.
 */
public final class Join extends FromClause {
    private final FromClause left;
    private final FromClause right;
    private final ColumnElement<?> onclause;
    private final boolean outer;
    private final boolean full;

    Join(FromClause left, FromClause right, ColumnElement<?> onclause, boolean outer, boolean full) {
        required(left, "join left side");
        required(right, "join right side");
        required(onclause, "join ON clause");
        if (right instanceof JoinTarget t) { // the ON given or inferred joins the association table, if any
            if (t.secondary() != null) {
                left = new Join(left, t.secondary(), onclause, outer, full);
                onclause = t.targetOnClause();
            }
            right = t.target();
        }
        this.left = left;
        this.right = right;
        this.onclause = onclause;
        this.outer = outer;
        this.full = full;
    }

    static ColumnElement<Boolean> inferOn(FromClause left, FromClause right) {
        if (right instanceof JoinTarget t) {
            return t.inferOn(left);
        }
        List<FromClause> candidates = new ArrayList<>();
        Set<FromClause> parts = new java.util.LinkedHashSet<>();
        left.collectSelfAndParts(parts);
        candidates.addAll(parts);
        for (int i = candidates.size() - 1; i >= 0; i--) {
            FromClause l = candidates.get(i);
            ColumnElement<Boolean> on = fkOn(right, l);
            if (on == null) {
                on = fkOn(l, right);
            }
            if (on != null) {
                return on;
            }
        }
        throw new ArgumentError("Can't find any foreign key relationships between " + left.describe() + " and "
                + right.describe() + "; give the ON clause explicitly: join(right, condition)");
    }

    /**
     * The foreign-key condition of {@code referring}'s keys to {@code referred}, looking through
     * aliases of tables: the condition is found between the underlying tables, then its left operands
     * (the referring columns) are taken from {@code referring} and its right operands from
     * {@code referred}. So a table joined to its own alias on a self-referencing key gives
     * {@code alias.parent_id = table.id} when the alias is the referring side (tried first: the
     * right side of a join refers to the left), never the ambiguous {@code t.parent_id = t.id}.
     */
    static ColumnElement<Boolean> fkOn(FromClause referring, FromClause referred) {
        FromClause a = base(referring);
        FromClause b = base(referred);
        ColumnElement<Boolean> on = a.foreignKeyCondition(b);
        if (on == null || (a == referring && b == referred)) {
            return on;
        }
        return adapt(on, referring, referred);
    }

    private static FromClause base(FromClause f) {
        return f instanceof Alias al && !(al instanceof CTE) && al.element() instanceof FromClause inner ? inner : f;
    }

    @SuppressWarnings("unchecked")
    private static ColumnElement<Boolean> adapt(ColumnElement<?> on, FromClause referring, FromClause referred) {
        if (on instanceof BinaryExpression<?> be && be.left() instanceof ColumnClause<?> l
                && be.right() instanceof ColumnClause<?> r) {
            return new BinaryExpression<>(referring.c(l), be.operator(), referred.c(r), ExprTypes.BOOLEAN);
        }
        if (on instanceof BooleanClauseList list) {
            List<ColumnElement<?>> terms = new ArrayList<>();
            for (ColumnElement<?> t : list.clauses()) {
                terms.add(adapt(t, referring, referred));
            }
            return BooleanClauseList.of(list.isAnd(), terms);
        }
        return (ColumnElement<Boolean>) on;
    }

    public FromClause left() {
        return left;
    }

    public FromClause right() {
        return right;
    }

    public ColumnElement<?> onclause() {
        return onclause;
    }

    public boolean isOuter() {
        return outer;
    }

    public boolean isFull() {
        return full;
    }

    @Override
    public List<? extends ColumnClause<?>> columns() {
        List<ColumnClause<?>> out = new ArrayList<>(left.columns());
        out.addAll(right.columns());
        return out;
    }

    @Override
    void collectSelfAndParts(Set<FromClause> out) {
        out.add(this);
        left.collectSelfAndParts(out);
        right.collectSelfAndParts(out);
    }

    @Override
    String describe() {
        return "join of " + left.describe() + " and " + right.describe();
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitJoin(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Join.class).add(outer).add(full).add(left).add(right).add(onclause);
    }

    @Override
    public String toString() {
        return describe();
    }
}
