package org.jalchemy.benchmarks.compile;

import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.Sql;
import org.jalchemy.types.SqlTypes;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectJoinStep;
import org.jooq.Record4;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/**
 * The compile_cache workload's statement, built the same way by jalchemy and by jOOQ: ten tables
 * {@code cc_t0 … cc_t9} joined in a chain ({@code cc_tK.parent_id = cc_t(K-1).id}) and 20 filters,
 * two per table ({@code score > ?}, then {@code name LIKE ?} on even tables and
 * {@code parent_id IN (?, ?, ?, ?)} on odd ones), four columns selected, ordered by
 * {@code cc_t0.id}. The values change with {@code i}, the shape does not: what an application
 * building a report query per request sends. The IN lists have four values, a power of two, so
 * that jalchemy's padding of IN lists adds no parameter and both libraries render
 * {@value #BINDS} placeholders (the checksum).
 */
public final class JoinQuery {
    /** Tables joined. */
    public static final int TABLES = 10;
    /** Bind placeholders in the rendered SQL: 10 comparisons, 5 LIKE patterns, 5 IN lists of 4. */
    public static final int BINDS = TABLES + TABLES / 2 + (TABLES / 2) * 4;

    private static final List<JTable> J = new ArrayList<>();
    private static final List<org.jooq.Table<?>> Q = new ArrayList<>();
    private static final Field<Integer> Q_ID = DSL.field(DSL.name("id"), Integer.class);

    /** One jalchemy table of the chain with its typed columns. */
    private record JTable(Table table, Column<Integer> id, Column<Integer> parentId, Column<String> name,
                          Column<Integer> score) {
    }

    static {
        MetaData md = new MetaData();
        for (int k = 0; k < TABLES; k++) {
            Table t = new Table("cc_t" + k, md);
            J.add(new JTable(t, t.column("id", SqlTypes.integer()), t.column("parent_id", SqlTypes.integer()),
                    t.column("name", SqlTypes.string(50)), t.column("score", SqlTypes.integer())));
            Q.add(DSL.table(DSL.name("cc_t" + k)));
        }
    }

    private JoinQuery() {
    }

    /** The jalchemy statement for request {@code i}. */
    public static Select<?> jalchemy(int i) {
        JTable first = J.get(0);
        JTable last = J.get(TABLES - 1);
        Select<?> s = Sql.select(first.id(), first.name(), last.id(), last.score());
        List<ColumnElement<Boolean>> where = new ArrayList<>();
        for (int k = 0; k < TABLES; k++) {
            JTable t = J.get(k);
            if (k > 0) {
                s = s.join(t.table(), t.parentId().eq(J.get(k - 1).id()));
            }
            where.add(t.score().gt(i + k));
            where.add(k % 2 == 0 ? t.name().like("n" + (i + k) + "%")
                    : t.parentId().in(i, i + 1, i + 2, i + 3));
        }
        return s.where(where.toArray(ColumnElement[]::new)).orderBy(first.id());
    }

    private static Field<Integer> qInt(int k, String column) {
        return DSL.field(DSL.name("cc_t" + k, column), Integer.class);
    }

    /** The jOOQ query for request {@code i}, on {@code dsl}'s dialect. */
    public static org.jooq.Select<Record4<Integer, String, Integer, Integer>> jooq(DSLContext dsl, int i) {
        SelectJoinStep<Record4<Integer, String, Integer, Integer>> s = dsl
                .select(qInt(0, "id"), DSL.field(DSL.name("cc_t0", "name"), String.class), qInt(TABLES - 1, "id"),
                        qInt(TABLES - 1, "score"))
                .from(Q.get(0));
        List<Condition> where = new ArrayList<>();
        for (int k = 0; k < TABLES; k++) {
            if (k > 0) {
                s = s.join(Q.get(k)).on(qInt(k, "parent_id").eq(qInt(k - 1, "id")));
            }
            where.add(qInt(k, "score").gt(i + k));
            where.add(k % 2 == 0 ? DSL.field(DSL.name("cc_t" + k, "name"), String.class).like("n" + (i + k) + "%")
                    : qInt(k, "parent_id").in(i, i + 1, i + 2, i + 3));
        }
        return s.where(where).orderBy(qInt(0, "id"));
    }

    /** Placeholders in a rendered statement (the workload's checksum per statement). */
    public static int placeholders(String sql) {
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '?') {
                n++;
            }
        }
        return n;
    }
}
