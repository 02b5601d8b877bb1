package org.jalchemy.benchmarks.scaleout;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.LoadStats;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The scale_out workload's read variants, under the {@code postgresql} backend, on the primary and
 * hot standby of {@code ./dev cluster replica start} ({@link ReplicaTarget}): {@code n} read
 * requests from {@value #READERS} threads, each a session of its own that loads one
 * {@code so_read} row by primary key ({@code session.get}) and closes, as a web request would:
 * <ul>
 *   <li>{@code one_node} (the baseline): sessions on the primary alone;</li>
 *   <li>{@code replica_reads}: sessions of a factory on an {@code EngineSet}, so the reads run on
 *       the standby (a replica connection per session transaction);</li>
 *   <li>{@code replica_maxlag}: the same with {@code maxLag(1 s)}: the standby's lag is measured
 *       (one {@code pg_last_xact_replay_timestamp()} query) at most once a second.</li>
 * </ul>
 * Both servers run on this one machine, so the figures show what routing costs and that the
 * standby serves the reads ({@code standby_stmts}: statements run on the standby engine), not
 * the capacity a second machine adds. The checksum is the sum of the points read (2 per request).
 * Separate from {@link ScaleOutVariants} (the Galera writes) so each cluster's variants stay in
 * their own class.
 */
public final class ReplicaReadVariants {
    /** Concurrent reader threads of every variant. */
    public static final int READERS = 8;
    private static final String TARGET = "scale_out:pg-replica";

    private ReplicaReadVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.on(Workload.SCALE_OUT, "one_node", "postgresql", (b, n) -> reads(b, n, t -> t.primaryOnly)),
                Variant.on(Workload.SCALE_OUT, "replica_reads", "postgresql", (b, n) -> reads(b, n, t -> t.split)),
                Variant.on(Workload.SCALE_OUT, "replica_maxlag", "postgresql",
                        (b, n) -> reads(b, n, t -> t.splitWithMaxLag)));
    }

    private static long reads(BenchBackend b, int n, Function<ReplicaTarget, SessionFactory> pick) throws Exception {
        ReplicaTarget t = b.shared(TARGET, () -> ReplicaTarget.open(READERS));
        SessionFactory factory = pick.apply(t);
        AtomicLong onStandby = new AtomicLong();
        AtomicLong points = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        LoadStats.Recorder rec = LoadStats.start(n);
        try (var counting = t.standby.events().beforeExecute(ctx -> onStandby.incrementAndGet())) {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                final int reader = r;
                done.add(pool.submit(() -> {
                    for (int i = reader; i < n; i += READERS) {
                        try (Session s = factory.open()) {
                            points.addAndGet(s.get(ReplicaTarget.SoRead.class, 1 + i % ReplicaTarget.ROWS)
                                    .orElseThrow().points);
                        }
                        rec.done(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        rec.put("standby_stmts", onStandby.get());
        rec.finish();
        return points.get();
    }
}
