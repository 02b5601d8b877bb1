package org.jalchemy.benchmarks.cache;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jalchemy.Jalchemy;
import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Data;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.cache.CaffeineBackend;
import org.jalchemy.cache.QueryCache;
import org.jalchemy.cache.RedisBackend;
import org.jalchemy.cache.Region;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;
import org.jalchemy.metrics.JalchemyMetrics;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.TableClause;
import org.jalchemy.sql.TextClause;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.table;
import static org.jalchemy.sql.Sql.text;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * cached_get (the short_selects lookup over hot ids, on a warm query-result cache) and the
 * metrics binder's overhead on short_selects ({@code core_metrics}: Core's short_selects on an
 * engine with {@link JalchemyMetrics} bound, to compare with {@code core}).
 *
 * <p>Each cache variant has its own engine and cache, built once per backend ({@code shared}) so
 * the warm-up runs fill the cache the timed runs read: a timed run is all hits. The Redis variant
 * uses the Redis on 127.0.0.1:6379 under a key prefix of its own; it is "not run" when there is
 * none.
 */
public final class CacheVariants {
    private static final TableClause CG = table("cg_customer", column("id", integer()), column("name", string(255)),
            column("description", string(255)), column("q", integer()), column("p", integer()), column("x", integer()),
            column("y", integer()), column("z", integer()));
    private static final ColumnClause<Integer> ID = CG.c("id", Integer.class);
    private static final TextClause SS_BY_ID = text("SELECT id, name, description, q, p, x, y, z FROM ss_customer WHERE id = :id");

    private CacheVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.CACHED_GET, "jdbc", CacheVariants::jdbc),
                Variant.of(Workload.CACHED_GET, "core", (b, n) -> lookups(b, n, null)),
                Variant.of(Workload.CACHED_GET, "core_caffeine", (b, n) -> lookups(b, n, "caffeine")),
                Variant.of(Workload.CACHED_GET, "core_redis", (b, n) -> lookups(b, n, "redis")),
                Variant.of(Workload.SHORT_SELECTS, "core_metrics", CacheVariants::shortSelectsWithMetrics));
    }

    private static Select byId(int id, String region) {
        Select s = select(CG.c("id"), CG.c("name"), CG.c("description"), CG.c("q"), CG.c("p"), CG.c("x"), CG.c("y"),
                CG.c("z")).selectFrom(CG).where(ID.eq(id));
        return region == null ? s : s.options(QueryCache.cache(region));
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    static long jdbc(BenchBackend b, int n) throws Exception {
        java.sql.Connection c = b.jdbc();
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, description, q, p, x, y, z FROM cg_customer WHERE id = ?")) {
            for (int k = 0; k < n; k++) {
                ps.setInt(1, Data.cachedGetId(k));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sum += Checksums.customer(rs.getInt(1), rs.getString(2), rs.getInt(4));
                }
            }
        }
        c.commit();
        return sum;
    }

    /** An engine of its own with a query cache on {@code backend}: closed with the bench backend. */
    private record Cached(Engine engine, QueryCache cache) implements AutoCloseable {
        @Override
        public void close() {
            cache.close();
            engine.close();
        }
    }

    private static Engine engineFor(BenchBackend b) {
        return Jalchemy.createEngine(b.url(), o -> o.poolSize(2));
    }

    static long lookups(BenchBackend b, int n, String backend) {
        Engine engine;
        if (backend == null) {
            engine = b.engine();
        } else {
            Cached cached = b.shared("cached_get:" + backend, () -> {
                Engine e = engineFor(b);
                var store = backend.equals("redis")
                        ? RedisBackend.connect("redis://127.0.0.1:6379", "jalchemy-bench:" + System.nanoTime() + ":",
                        Duration.ofSeconds(1))
                        : CaffeineBackend.create();
                return new Cached(e, QueryCache.builder().region(Region.of(backend, store).ttl(Duration.ofMinutes(30)))
                        .install(e));
            });
            if (backend.equals("redis") && cached.cache().isDegraded()) {
                throw new Variant.NotApplicable("no Redis answering on 127.0.0.1:6379");
            }
            engine = cached.engine();
        }
        long sum = 0;
        try (Connection c = engine.connect()) {
            for (int k = 0; k < n; k++) {
                Row row = c.execute(byId(Data.cachedGetId(k), backend)).one();
                sum += Checksums.customer(num(row.get(0)), (String) row.get(1), num(row.get(3)));
            }
        }
        return sum;
    }

    /** Core's short_selects on an engine of its own with the Micrometer binder bound. */
    static long shortSelectsWithMetrics(BenchBackend b, int n) {
        Engine engine = b.shared("short_selects:metrics", () -> {
            Engine e = engineFor(b);
            new JalchemyMetrics(e).bindTo(new SimpleMeterRegistry());
            return e;
        });
        long sum = 0;
        try (Connection c = engine.connect()) {
            for (int k = 0; k < n; k++) {
                Row row = c.execute(SS_BY_ID, Map.of("id", Data.shortSelectId(k))).one();
                sum += Checksums.customer(num(row.get(0)), (String) row.get(1), num(row.get(3)));
            }
        }
        return sum;
    }
}
