package org.jalchemy.sql;

import java.util.List;

/**
 * A common table expression: {@code WITH name AS (SELECT ...)} (SQLAlchemy's {@code CTE}), made by
 * {@link SelectBase#cte}. A recursive CTE is completed with {@link #unionAll} of a SELECT that
 * refers to the CTE's own columns. The WITH clause is rendered at the top of the outermost
 * statement that uses the CTE.
 */
public final class CTE extends Alias {
    private final boolean recursive;

    CTE(ClauseElement select, String name, boolean recursive) {
        super(select, FromClause.required(name, "CTE name"), false);
        this.recursive = recursive;
    }

    public boolean isRecursive() {
        return recursive;
    }

    /** The CTE's SELECT. */
    public SelectBase select() {
        return (SelectBase) element();
    }

    /** {@code WITH RECURSIVE name AS (<this select> UNION ALL <recursive part>)}: same name and columns. */
    public CTE unionAll(SelectBase recursivePart) {
        return new CTE(select().unionAll(recursivePart), name(), true);
    }

    /** As {@link #unionAll}, with UNION (duplicates removed). */
    public CTE union(SelectBase recursivePart) {
        return new CTE(select().union(recursivePart), name(), true);
    }

    @Override
    String describe() {
        return "CTE '" + name() + "'";
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitCteReference(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        if (k.identity(this)) {
            k.add(CTE.class).add(name()).add(recursive).add(element());
        }
    }

    List<? extends ColumnClause<?>> cteColumns() {
        return columns();
    }
}
