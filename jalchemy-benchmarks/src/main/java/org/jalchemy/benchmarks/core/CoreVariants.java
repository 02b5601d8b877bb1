package org.jalchemy.benchmarks.core;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Data;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.TextClause;
import org.jalchemy.types.SqlTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.text;

/**
 * jalchemy Core as it exists today: {@code Engine} and {@code Connection.execute} of
 * {@code text()} statements with named parameters and their result columns' types declared
 * ({@code .columns(...)}, as the JDBC floor knows its getters' types), executemany for batches,
 * {@code Result} rows.
 * This is the real execution path (compiled cache lookup, named-to-positional binding, pooled
 * connection, Row objects); when the expression language lands, a {@code core_expr} family doing
 * the same with {@code select()}/{@code insert()} belongs beside this one.
 *
 * <p>Statements are built once per class, as an application holds them; each timed run checks
 * out its connection from the engine's pool like application code does.
 */
public final class CoreVariants {
    private static final ColumnClause<Integer> ID = column("id", SqlTypes.integer());
    private static final ColumnClause<String> NAME = column("name", SqlTypes.string(255));
    private static final ColumnClause<String> DESCRIPTION = column("description", SqlTypes.string(255));
    private static final TextClause LARGE = text("SELECT id, name, description FROM lr_customer")
            .columns(ID, NAME, DESCRIPTION);
    private static final TextClause BULK = text("INSERT INTO bi_customer (name, description) VALUES (:name, :description)");
    private static final TextClause SINGLE = text("INSERT INTO si_customer (name, description) VALUES (:name, :description)");
    private static final TextClause BY_ID = text("SELECT id, name, description, q, p, x, y, z FROM ss_customer WHERE id = :id")
            .columns(ID, NAME, DESCRIPTION, column("q", SqlTypes.integer()), column("p", SqlTypes.integer()),
                    column("x", SqlTypes.integer()), column("y", SqlTypes.integer()), column("z", SqlTypes.integer()));
    private static final TextClause PARENTS = text("SELECT id, name FROM ld_parent ORDER BY id").columns(ID, NAME);
    /** Children of up to {@link Data#IN_CHUNK} parents, by IN list width (one width at full size). */
    private static final java.util.concurrent.ConcurrentMap<Integer, TextClause> CHILDREN =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static TextClause children(int width) {
        return CHILDREN.computeIfAbsent(width, w -> {
            StringBuilder in = new StringBuilder("SELECT id, parent_id, name FROM ld_child WHERE parent_id IN (");
            for (int i = 0; i < w; i++) {
                in.append(i == 0 ? ":p0" : ", :p" + i);
            }
            return text(in.append(")").toString()).columns(ID, column("parent_id", SqlTypes.integer()), NAME);
        });
    }

    private CoreVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.LARGE_RESULTSETS, "core", CoreVariants::largeResultsets),
                Variant.of(Workload.BULK_INSERTS, "core", CoreVariants::bulkInserts),
                Variant.of(Workload.SINGLE_INSERTS, "core", CoreVariants::singleInserts),
                Variant.of(Workload.SHORT_SELECTS, "core", CoreVariants::shortSelects),
                Variant.of(Workload.LOADERS, "core", CoreVariants::loaders));
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    static long largeResultsets(BenchBackend b, int n) {
        long sum = 0;
        try (Connection c = b.engine().connect(); Result r = c.execute(LARGE)) {
            for (Row row : r) {
                sum += Checksums.row(num(row.get(0)), (String) row.get(1), (String) row.get(2));
            }
        }
        return sum;
    }

    static long bulkInserts(BenchBackend b, int n) {
        List<Map<String, Object>> params = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            params.add(Map.of("name", Data.name(i), "description", Data.description(i)));
        }
        try (Connection c = b.engine().connect()) {
            c.execute(BULK, params);
            c.commit();
        }
        return 0;
    }

    static long singleInserts(BenchBackend b, int n) {
        Engine engine = b.engine();
        for (int i = 1; i <= n; i++) {
            try (Connection c = engine.connect()) {
                c.execute(SINGLE, Map.of("name", Data.name(i), "description", Data.description(i)));
                c.commit();
            }
        }
        return 0;
    }

    static long shortSelects(BenchBackend b, int n) {
        long sum = 0;
        try (Connection c = b.engine().connect()) {
            for (int k = 0; k < n; k++) {
                Row row = c.execute(BY_ID, Map.of("id", Data.shortSelectId(k))).one();
                sum += Checksums.customer(num(row.get(0)), (String) row.get(1), num(row.get(3)));
            }
        }
        return sum;
    }

    /** The hand-written loader's two queries through Core: parents, then children by IN lists. */
    static long loaders(BenchBackend b, int n) {
        long sum = 0;
        try (Connection c = b.engine().connect()) {
            List<Row> parents = c.execute(PARENTS).all();
            Map<Long, List<Row>> children = new HashMap<>(parents.size() * 2);
            for (Row p : parents) {
                children.put(num(p.get(0)), new ArrayList<>());
            }
            int width = Math.min(Data.IN_CHUNK, parents.size());
            TextClause byParents = children(width);
            for (int from = 0; from < parents.size(); from += width) {
                Map<String, Object> ids = new HashMap<>(width * 2);
                for (int i = 0; i < width; i++) {
                    ids.put("p" + i, parents.get(Math.min(from + i, parents.size() - 1)).get(0));
                }
                for (Row ch : c.execute(byParents, ids)) {
                    children.get(num(ch.get(1))).add(ch);
                }
            }
            for (Row p : parents) {
                sum += Checksums.named(num(p.get(0)), (String) p.get(1));
                for (Row ch : children.get(num(p.get(0)))) {
                    sum += Checksums.named(num(ch.get(0)), (String) ch.get(2));
                }
            }
        }
        return sum;
    }
}
