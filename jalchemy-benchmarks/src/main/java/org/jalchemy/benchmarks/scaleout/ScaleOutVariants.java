package org.jalchemy.benchmarks.scaleout;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.LoadStats;
import org.jalchemy.benchmarks.RunFigures;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.RetryPolicy;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.sql.TextClause;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.jalchemy.sql.Sql.text;

/**
 * The scale_out workload: {@code n} transactions from {@value #WRITERS} threads, each transaction
 * inserting an event row and adding one to one of {@value GaleraTarget#HOT_COUNTERS} shared
 * counters (chosen by a hash of the transaction's number, {@link #counterOf}), committed with
 * {@code engine.runTransaction} (retrying conflicts). Galera variants, under the {@code mariadb}
 * backend, on the cluster of {@code ./dev cluster galera start}:
 * <ul>
 *   <li>{@code one_node} (the baseline): every thread writes through node 1; concurrent updates of
 *       one counter wait for each other's row lock there;</li>
 *   <li>{@code three_nodes}: an engine per node, threads spread over them; two nodes updating one
 *       counter at once make the later COMMIT fail certification (1213 / 40001), and the
 *       transaction runs again;</li>
 *   <li>{@code load_balance}: one engine on the three-host URL with {@code haMode=loadbalance},
 *       the driver spreading the pool's connections over the nodes.</li>
 * </ul>
 * Every node applies every write (Galera replicates all of them), so spreading writes buys
 * availability, not write throughput. Each run reports, besides its time, its transactions per
 * second and latency percentiles ({@link LoadStats}) and its transactions retried, retries,
 * conflicts among them and transactions given up ({@link RunFigures}). Its checksum is what the
 * run added to the cluster's tables (2 per transaction), read causally through node 1.
 *
 * <p>To add a variant of another cluster (e.g. reads on a PostgreSQL replica), give it its own
 * target class and list it in {@link #all()} with {@link Variant#on} and its backend.
 */
public final class ScaleOutVariants {
    /** Concurrent threads of every variant. */
    public static final int WRITERS = 8;
    private static final String TARGET = "scale_out:galera";

    private static final TextClause INSERT_EVENT = text(
            "INSERT INTO so_event (writer, counter_id, note) VALUES (:writer, :counter, :note)");
    private static final TextClause BUMP_COUNTER = text("UPDATE so_counter SET v = v + 1 WHERE id = :counter");

    private ScaleOutVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.on(Workload.SCALE_OUT, "one_node", "mariadb", (b, n) -> galera(b, n, g -> writer -> g.node(1))),
                Variant.on(Workload.SCALE_OUT, "three_nodes", "mariadb",
                        (b, n) -> galera(b, n, g -> writer -> g.node(writer % GaleraTarget.NODES + 1))),
                Variant.on(Workload.SCALE_OUT, "load_balance", "mariadb",
                        (b, n) -> galera(b, n, g -> writer -> g.loadBalanced())));
    }

    /** The checksum of a correct run of {@code n} transactions. */
    public static long expected(int n) {
        return 2L * n;
    }

    /** Which engine each writer uses. */
    @FunctionalInterface
    private interface Spread {
        IntFunction<Engine> engines(GaleraTarget g);
    }

    private static long galera(BenchBackend b, int n, Spread spread) throws Exception {
        GaleraTarget g = b.shared(TARGET, () -> GaleraTarget.open(WRITERS));
        IntFunction<Engine> engineOf = spread.engines(g);
        long before = g.checksum();
        Retries retries = new Retries();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(50).backoff(Duration.ofMillis(1), Duration.ofMillis(100))
                .maxElapsed(Duration.ofSeconds(60)).listener(retries).build();
        AtomicInteger gaveUp = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        LoadStats.Recorder rec = LoadStats.start(n);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                final int writer = w;
                Engine engine = engineOf.apply(writer);
                done.add(pool.submit(() -> {
                    for (int i = writer; i < n; i += WRITERS) {
                        Map<String, Object> row = Map.of("writer", writer, "counter", counterOf(i), "note", "event " + i);
                        try {
                            engine.runInTransaction(c -> {
                                c.execute(INSERT_EVENT, row);
                                c.execute(BUMP_COUNTER, row);
                            }, policy);
                        } catch (RuntimeException e) {
                            gaveUp.incrementAndGet();
                        }
                        rec.done(i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        rec.finish();
        RunFigures.put("retried_tx", retries.transactions.get());
        RunFigures.put("retries", retries.all.get());
        RunFigures.put("conflicts", retries.conflicts.get());
        RunFigures.put("gave_up", gaveUp.get());
        return g.checksum() - before;
    }

    /**
     * The counter transaction {@code i} adds one to: a multiplicative hash of {@code i}, so that
     * the writers (each taking every {@value #WRITERS}th transaction) meet on the same counters at
     * random, as independent requests would.
     */
    static int counterOf(int i) {
        return (int) ((i * 0x9E3779B97F4A7C15L) >>> 60) % GaleraTarget.HOT_COUNTERS;
    }

    /** Counts the retries of one run; thread-safe. */
    private static final class Retries implements RetryPolicy.RetryListener {
        final AtomicInteger transactions = new AtomicInteger();
        final AtomicInteger all = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();

        @Override
        public void retrying(int attempt, Throwable error, Duration delay) {
            if (attempt == 1) {
                transactions.incrementAndGet();
            }
            all.incrementAndGet();
            if (error instanceof DBAPIError d && (d.vendorCode() == 1213 || "40001".equals(d.sqlState()))) {
                conflicts.incrementAndGet();
            }
        }
    }
}
