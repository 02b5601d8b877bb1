package org.jalchemy.fault;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineOptions;
import org.jalchemy.engine.RetryPolicy;
import org.jalchemy.exc.CommitOutcomeUnknownError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.ThrowawayPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/**
 * A PostgreSQL restart under 20 concurrent writers, on a throw-away cluster of the test's own (the
 * shared server on 5432 is never touched). Each writer commits one row per transaction through
 * {@code engine.runTransaction} with an idempotent policy (a client-chosen key and
 * {@code ON CONFLICT DO NOTHING}, so a COMMIT of unknown outcome may be run again). Checked: every
 * row whose transaction returned is in the table after the restart (0 lost), no error reached a
 * writer, and no attempt failed later than 1 s after the server was back (pool invalidation: the
 * dead connections are discarded at once). Bounded: writers stop 3 s after the server is back,
 * at most 5000 rows each, and every wait has a time limit.
 */
@Tag("fault")
class PostgresRestartFaultTest {
    private static final int WRITERS = 20;
    private static final int MAX_ROWS_PER_WRITER = 5_000;

    @BackendTest
    void faultPostgresRestartUnderTwentyWritersLosesNoCommittedRow(Backend backend) throws Exception {
        Assumptions.assumeTrue(backend.isPostgresql(), "restarts a PostgreSQL server (its own, throw-away one)");
        try (ThrowawayPostgres pg = ThrowawayPostgres.start();
             Engine engine = Jalchemy.createEngine(pg.url("postgres"), EngineOptions.builder()
                     .poolSize(WRITERS).maxOverflow(0).poolTimeout(Duration.ofSeconds(15))
                     .connectTimeout(Duration.ofSeconds(2)).statementTimeout(Duration.ofSeconds(5)).build())) {
            engine.inTransaction(c -> c.execDriverSql(
                    "CREATE TABLE fault_rows (writer INTEGER, seq INTEGER, PRIMARY KEY (writer, seq))"));

            ConcurrentLinkedQueue<Long> failedAttemptsAt = new ConcurrentLinkedQueue<>();
            AtomicInteger unknownCommits = new AtomicInteger();
            AtomicInteger unknownButStored = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> escaped = new ConcurrentLinkedQueue<>();
            Set<Long> committed = ConcurrentHashMap.newKeySet();
            AtomicLong firstCommitAfterBack = new AtomicLong(Long.MAX_VALUE);
            AtomicLong back = new AtomicLong(Long.MAX_VALUE);
            AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
            RetryPolicy policy = RetryPolicy.builder().idempotent(true).maxAttempts(200)
                    .backoff(Duration.ofMillis(20), Duration.ofMillis(250)).maxElapsed(Duration.ofSeconds(45))
                    .listener((attempt, error, delay) -> {
                        failedAttemptsAt.add(System.nanoTime());
                        if (error instanceof CommitOutcomeUnknownError) {
                            unknownCommits.incrementAndGet();
                        }
                    }).build();

            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch warm = new CountDownLatch(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int seq = 0; seq < MAX_ROWS_PER_WRITER && System.nanoTime() < stopAt.get(); seq++) {
                        int s = seq;
                        try {
                            int attempts = engine.runTransaction(c -> {
                                long inserted = c.execute(text("INSERT INTO fault_rows (writer, seq) VALUES (:w, :s)"
                                        + " ON CONFLICT DO NOTHING"), Map.of("w", writer, "s", s)).rowcount();
                                return inserted == 0 ? -1 : 1; // 0 rows: an earlier, "unknown" COMMIT had stored it
                            }, policy);
                            if (attempts < 0) {
                                unknownButStored.incrementAndGet();
                            }
                            long now = System.nanoTime();
                            committed.add(key(writer, s));
                            if (now > back.get()) {
                                firstCommitAfterBack.accumulateAndGet(now, Math::min);
                            }
                        } catch (RuntimeException e) {
                            escaped.add(e);
                        }
                        if (s == 5) {
                            warm.countDown();
                        }
                    }
                    warm.countDown();
                    return null;
                }));
            }
            assertThat(warm.await(30, TimeUnit.SECONDS)).as("writers under way").isTrue();
            long rowsBefore = committed.size();
            long stop = System.nanoTime();
            pg.stopServer("fast");
            Thread.sleep(500); // down for a moment: connects are refused meanwhile
            pg.startServer();
            back.set(System.nanoTime());
            stopAt.set(back.get() + 3_000_000_000L);
            writers.shutdown();
            for (Future<?> f : done) {
                f.get(90, TimeUnit.SECONDS);
            }
            assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            Set<Long> stored = new HashSet<>();
            engine.inTransaction(c -> {
                for (var row : c.execute(text("SELECT writer, seq FROM fault_rows"))) {
                    stored.add(key(((Number) row.get(0)).intValue(), ((Number) row.get(1)).intValue()));
                }
            });
            Set<Long> lost = new HashSet<>(committed);
            lost.removeAll(stored);
            long lateFailures = failedAttemptsAt.stream().filter(t -> t > back.get() + 1_000_000_000L).count();
            long failedDuringRestart = failedAttemptsAt.size();
            System.out.printf("[fault: postgresql restart] %d writers; %d rows committed (%d before the stop), %d stored,"
                            + " %d lost; down %d ms (stop to ready); first commit %d ms after the server was back;"
                            + " %d failed attempts retried (%d later than 1 s after it was back), %d COMMITs of unknown"
                            + " outcome (%d of them had in fact committed); %d errors reached the writers%n",
                    WRITERS, committed.size(), rowsBefore, stored.size(), lost.size(),
                    (back.get() - stop) / 1_000_000, (firstCommitAfterBack.get() - back.get()) / 1_000_000,
                    failedDuringRestart, lateFailures, unknownCommits.get(), unknownButStored.get(), escaped.size());
            assertThat(escaped).as("errors that reached a writer").isEmpty();
            assertThat(lost).as("committed rows missing after the restart").isEmpty();
            assertThat(stored).as("no row stored twice or without a writer knowing").isEqualTo(committed);
            assertThat(lateFailures).as("failed attempts later than 1 s after the server was back").isZero();
            assertThat(firstCommitAfterBack.get()).as("writers resumed").isLessThan(Long.MAX_VALUE);
        }
    }

    private static long key(int writer, int seq) {
        return ((long) writer << 32) | seq;
    }
}
