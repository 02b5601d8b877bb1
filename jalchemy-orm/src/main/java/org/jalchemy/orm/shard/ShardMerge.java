package org.jalchemy.orm.shard;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.orm.OrmResult.OrmRow;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.internal.loading.OrmResultImpl;
import org.jalchemy.sql.BindParameter;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.ColumnsClauseRole;
import org.jalchemy.sql.LabelReference;
import org.jalchemy.sql.Ordering;
import org.jalchemy.sql.Select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs one SELECT on several shard sessions and merges the rows so that ORDER BY, OFFSET and
 * LIMIT hold for the whole: each ORDER BY expression is also selected (as an extra column, read
 * back for sorting and dropped from the rows returned; {@code ORDER BY "label"} reads the labelled
 * column), each shard returns its first {@code LIMIT + OFFSET} rows with no OFFSET, and the merged
 * rows are sorted again (stable, so shard order breaks ties), then cut by OFFSET and LIMIT.
 *
 * <p>Statements: one per shard (plus that shard's loader queries). Memory: every shard's rows up
 * to LIMIT + OFFSET (all of them without LIMIT). NULLs sort as the shards' dialect puts them
 * ({@link Dialect#nullsSortHigh()}) unless the ordering says NULLS FIRST/LAST. Values compare
 * with their Java order ({@link Comparable}); strings by code point.
 */
final class ShardMerge {
    private ShardMerge() {
    }

    /** One ORDER BY element: the row item it reads, its direction and where NULLs go. */
    private record SortKey(int index, boolean descending, boolean nullsFirst) {
    }

    static OrmResult run(List<Session> shards, Select<?> select, Dialect dialect) {
        if (shards.size() == 1) {
            return shards.get(0).execute(select);
        }
        int width = select.rawColumns().size();
        List<SortKey> keys = new ArrayList<>();
        List<ColumnsClauseRole> extra = new ArrayList<>();
        for (ColumnElement<?> o : select.orderByClauses()) {
            ColumnElement<?> e = o;
            boolean desc = false;
            Boolean nullsFirst = null;
            if (o instanceof Ordering<?> ord) {
                e = ord.element();
                desc = Boolean.TRUE.equals(ord.descending());
                nullsFirst = ord.nullsFirstFlag();
            }
            int index;
            if (e instanceof LabelReference ref) {
                index = labelled(select, ref.name());
            } else {
                extra.add(e.label("shard_sort_" + extra.size()));
                index = width + extra.size() - 1;
            }
            boolean nf = nullsFirst != null ? nullsFirst : dialect.nullsSortHigh() == desc;
            keys.add(new SortKey(index, desc, nf));
        }
        Select<?> perShard = extra.isEmpty() ? select : select.addColumns(extra.toArray(ColumnsClauseRole[]::new));
        Integer limit = value(select.limitClause());
        int offset = value(select.offsetClause()) == null ? 0 : value(select.offsetClause());
        if (offset > 0) {
            perShard = perShard.offset(0);
            if (limit != null) {
                perShard = perShard.limit(limit + offset);
            }
        }
        List<OrmRow> rows = new ArrayList<>();
        for (Session s : shards) {
            rows.addAll(s.execute(perShard).all());
        }
        if (!keys.isEmpty()) {
            rows.sort(comparator(keys));
        }
        int from = Math.min(offset, rows.size());
        int to = limit == null ? rows.size() : Math.min(rows.size(), from + limit);
        List<OrmRow> out = new ArrayList<>(to - from);
        for (OrmRow r : rows.subList(from, to)) {
            out.add(extra.isEmpty() ? r : new Trimmed(r, width));
        }
        return OrmResultImpl.ofRows(select, out);
    }

    private static Integer value(BindParameter<Integer> p) {
        return p == null ? null : (Integer) p.value();
    }

    /** The row item of the column labelled {@code name}. */
    private static int labelled(Select<?> select, String name) {
        List<ColumnsClauseRole> raw = select.rawColumns();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) instanceof ColumnElement<?> c && name.equals(c.name())) {
                return i;
            }
        }
        throw new InvalidRequestError("ORDER BY \"" + name + "\" on a sharded query: no selected column has that label,"
                + " so the merged rows cannot be sorted by it");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<OrmRow> comparator(List<SortKey> keys) {
        return (a, b) -> {
            for (SortKey k : keys) {
                Object x = a.get(k.index());
                Object y = b.get(k.index());
                int c;
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    c = (x == null) == k.nullsFirst() ? -1 : 1; // NULL placement ignores the direction
                    return c;
                }
                if (x instanceof Number nx && y instanceof Number ny && x.getClass() != y.getClass()) {
                    c = new java.math.BigDecimal(nx.toString()).compareTo(new java.math.BigDecimal(ny.toString()));
                } else if (x instanceof Comparable cx) {
                    c = cx.compareTo(y);
                } else {
                    throw new InvalidRequestError("Cannot merge sharded rows ordered by a " + x.getClass().getName()
                            + " value: it is not Comparable");
                }
                if (c != 0) {
                    return k.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    /** A row without the extra ORDER BY columns at its end. */
    private record Trimmed(OrmRow row, int width) implements OrmRow {
        @Override
        public Object get(int i) {
            if (i >= width) {
                throw new IndexOutOfBoundsException("column " + i + " of a row of " + width);
            }
            return row.get(i);
        }

        @Override
        public <E> E get(Class<E> type) {
            return row.get(type);
        }

        @Override
        public int size() {
            return width;
        }

        @Override
        public String toString() {
            List<Object> items = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                items.add(row.get(i));
            }
            return items.toString();
        }
    }
}
