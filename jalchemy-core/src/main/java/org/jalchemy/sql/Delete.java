package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code DELETE FROM table WHERE ...} (SQLAlchemy's {@code Delete}); other tables in the WHERE
 * clause become {@code USING} (PostgreSQL) or a multi-table DELETE (MySQL). Immutable.
 */
public final class Delete extends DmlBase {
    private final List<ColumnElement<?>> where;

    private Delete(TableClause table, List<ColumnElement<?>> where, List<ColumnElement<?>> returning) {
        super(table, returning);
        this.where = where;
    }

    static Delete of(TableClause table) {
        return new Delete(table, List.of(), List.of());
    }

    @SafeVarargs
    public final Delete where(ColumnElement<Boolean>... criteria) {
        List<ColumnElement<?>> w = new ArrayList<>(where);
        for (ColumnElement<Boolean> c : criteria) {
            w.add(FromClause.required(c, "where() criterion"));
        }
        return new Delete(table, List.copyOf(w), returning);
    }

    @SafeVarargs
    public final Delete filter(ColumnElement<Boolean>... criteria) {
        return where(criteria);
    }

    public Delete returning(ColumnsClauseRole... cols) {
        return new Delete(table, where, expand(cols));
    }

    public List<ColumnElement<?>> whereCriteria() {
        return where;
    }

    /** Tables other than the target that the WHERE clause refers to. */
    public List<FromClause> extraFroms() {
        Set<FromClause> s = new LinkedHashSet<>();
        for (ColumnElement<?> w : where) {
            w.collectFroms(s);
        }
        s.remove(table);
        return new ArrayList<>(s);
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitDelete(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Delete.class).add(table).addAll(where).addAll(returning);
    }
}
