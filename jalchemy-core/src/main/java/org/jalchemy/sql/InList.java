package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code x [NOT] IN (v1, v2, ...)} or {@code x [NOT] IN (SELECT ...)}.
 *
 * <p>Lists longer than {@link #PAD_FROM} values (up to 1024) are padded to the next power of two by
 * repeating the last value (which does not change the result), so a statement with 37 values and
 * one with 60 share a compiled form. The padded length is part of the cache key.
 */
public final class InList extends ColumnElement<Boolean> {
    static final int PAD_FROM = 8;

    private final ColumnElement<?> element;
    private final List<ColumnElement<?>> values;
    private final SelectBase subquery;
    private final boolean negate;

    InList(ColumnElement<?> element, List<ColumnElement<?>> values, SelectBase subquery, boolean negate) {
        this.element = element;
        this.values = pad(values);
        this.subquery = subquery;
        this.negate = negate;
    }

    private static List<ColumnElement<?>> pad(List<ColumnElement<?>> values) {
        int n = values.size();
        if (n <= PAD_FROM) {
            return List.copyOf(values);
        }
        if (n > 1024) {
            return List.copyOf(values);
        }
        int target = Integer.highestOneBit(n - 1) << 1;
        List<ColumnElement<?>> out = new ArrayList<>(target);
        out.addAll(values);
        ColumnElement<?> last = values.get(n - 1);
        while (out.size() < target) {
            out.add(last instanceof BindParameter<?> b ? b.copy() : last);
        }
        return List.copyOf(out);
    }

    public ColumnElement<?> element() {
        return element;
    }

    /** The values (padded); empty for a subquery or an empty list. */
    public List<ColumnElement<?>> values() {
        return values;
    }

    /** The subquery, or null. */
    public SelectBase subquery() {
        return subquery;
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
        c.visitIn(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(InList.class).add(negate).add(element).addAll(values);
        if (subquery != null) {
            k.add(subquery);
        }
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        element.collectFroms(out);
    }
}
