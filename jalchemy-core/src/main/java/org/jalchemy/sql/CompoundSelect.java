package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT ... UNION [ALL] | INTERSECT | EXCEPT SELECT ...}, with optional ORDER BY and
 * LIMIT/OFFSET over the whole. Its columns are the first SELECT's. Immutable.
 */
public final class CompoundSelect extends SelectBase {
    /** The set operator. */
    public enum Kind {
        UNION("UNION"), UNION_ALL("UNION ALL"), INTERSECT("INTERSECT"), EXCEPT("EXCEPT");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    private final Kind kind;
    private final List<SelectBase> selects;
    private final List<ColumnElement<?>> orderBy;
    private final BindParameter<Integer> limit;
    private final BindParameter<Integer> offset;

    private CompoundSelect(Kind kind, List<SelectBase> selects, List<ColumnElement<?>> orderBy,
                           BindParameter<Integer> limit, BindParameter<Integer> offset) {
        this.kind = kind;
        this.selects = selects;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    static CompoundSelect of(Kind kind, SelectBase first, SelectBase... others) {
        List<SelectBase> all = new ArrayList<>();
        all.add(first);
        int n = first.selectedColumns().size();
        for (SelectBase s : others) {
            if (s.selectedColumns().size() != n) {
                throw new ArgumentError("All selects in a " + kind.sql + " must have the same number of columns: "
                        + n + " vs " + s.selectedColumns().size());
            }
            all.add(s);
        }
        return new CompoundSelect(kind, List.copyOf(all), List.of(), null, null);
    }

    public Kind kind() {
        return kind;
    }

    public List<SelectBase> selects() {
        return selects;
    }

    public List<ColumnElement<?>> orderByClauses() {
        return orderBy;
    }

    public BindParameter<Integer> limitClause() {
        return limit;
    }

    public BindParameter<Integer> offsetClause() {
        return offset;
    }

    /**
     * ORDER BY over the whole compound: a column or label of any member SELECT renders as the name of
     * the result column at its position (what PostgreSQL and MariaDB require), {@code desc("name")}
     * names a result column.
     */
    public CompoundSelect orderBy(ColumnElement<?>... cols) {
        LabelReference.check(List.of(cols), selectedColumns());
        List<ColumnElement<?>> o = new ArrayList<>(orderBy);
        o.addAll(List.of(cols));
        return new CompoundSelect(kind, selects, List.copyOf(o), limit, offset);
    }

    /** ORDER BY result columns by name ({@code orderBy("name")}); unknown names raise ArgumentError. */
    public CompoundSelect orderBy(String... names) {
        ColumnElement<?>[] refs = new ColumnElement<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            refs[i] = new LabelReference(names[i]);
        }
        return orderBy(refs);
    }

    public CompoundSelect limit(int n) {
        return new CompoundSelect(kind, selects, orderBy,
                BindParameter.coerced("param", n, org.jalchemy.types.IntegerType.INSTANCE), offset);
    }

    public CompoundSelect offset(int n) {
        return new CompoundSelect(kind, selects, orderBy, limit,
                BindParameter.coerced("param", n, org.jalchemy.types.IntegerType.INSTANCE));
    }

    @Override
    public List<ColumnElement<?>> selectedColumns() {
        return selects.get(0).selectedColumns();
    }

    @Override
    public int fetchSize() {
        return 0;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitCompoundSelect(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(CompoundSelect.class).add(kind).addAll(selects).addAll(orderBy).add(limit).add(offset);
    }
}
