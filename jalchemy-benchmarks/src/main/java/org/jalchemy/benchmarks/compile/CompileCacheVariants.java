package org.jalchemy.benchmarks.compile;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.RunFigures;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.engine.Engine;
import org.jalchemy.sql.Compiled;
import org.jalchemy.sql.Select;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.util.List;

/**
 * The compile_cache workload: n statements ({@link JoinQuery}, a 10-way join with 20 filters),
 * each built anew as application code builds a query per request, then turned into SQL:
 * <ul>
 *   <li>{@code first_compile} (the baseline): the structural cache key, then a full compile for
 *       the backend's dialect, every time — what a cache miss costs;</li>
 *   <li>{@code cached}: {@code engine.compile(statement)}, the path {@code execute} takes: the cache
 *       key, then the compiled form from the engine's compiled cache;</li>
 *   <li>{@code jooq_render}: jOOQ 3.21 building the same query and rendering it ({@code getSQL()})
 *       each time, as it does on every execution (jOOQ has no compiled cache).</li>
 * </ul>
 * The database is not touched; each run also reports microseconds per statement
 * ({@code us_per_statement}). The checksum is the placeholders rendered, {@link JoinQuery#BINDS}
 * per statement.
 */
public final class CompileCacheVariants {
    private CompileCacheVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.COMPILE_CACHE, "first_compile", CompileCacheVariants::firstCompile),
                Variant.of(Workload.COMPILE_CACHE, "cached", CompileCacheVariants::cached),
                Variant.of(Workload.COMPILE_CACHE, "jooq_render", CompileCacheVariants::jooq));
    }

    static long firstCompile(BenchBackend b, int n) {
        Dialect d = b.engine().dialect();
        long sum = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Select<?> s = JoinQuery.jalchemy(i);
            s.cacheKey();
            Compiled c = s.compile(d);
            sum += JoinQuery.placeholders(c.sql());
        }
        perStatement(t0, n);
        return sum;
    }

    static long cached(BenchBackend b, int n) {
        Engine e = b.engine();
        long sum = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Compiled c = e.compile(JoinQuery.jalchemy(i));
            sum += JoinQuery.placeholders(c.sql());
        }
        perStatement(t0, n);
        return sum;
    }

    static long jooq(BenchBackend b, int n) {
        DSLContext dsl = b.shared("jooq-render", () -> DSL.using(dialect(b), new Settings().withExecuteLogging(false)));
        long sum = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sum += JoinQuery.placeholders(JoinQuery.jooq(dsl, i).getSQL());
        }
        perStatement(t0, n);
        return sum;
    }

    private static SQLDialect dialect(BenchBackend b) {
        return b.isSqlite() ? SQLDialect.SQLITE : b.isPostgresql() ? SQLDialect.POSTGRES : SQLDialect.MARIADB;
    }

    private static void perStatement(long t0, int n) {
        RunFigures.put("us_per_statement", (System.nanoTime() - t0) / 1e3 / n);
    }
}
