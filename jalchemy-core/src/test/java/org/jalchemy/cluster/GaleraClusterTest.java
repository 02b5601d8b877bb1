package org.jalchemy.cluster;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.RetryPolicy;
import org.jalchemy.exc.CommitOutcomeUnknownError;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.sql.TextClause;
import org.jalchemy.testing.Db;
import org.jalchemy.testing.GaleraCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/**
 * jalchemy on a real 3-node MariaDB Galera cluster ({@code ./dev cluster galera start}):
 * <ul>
 *   <li>killing (SIGKILL) the node a multi-host engine talks to, under 8 writers, loses no
 *       committed row: the driver moves each connection to a surviving node, the engine discards
 *       the connections of the dead one, and {@code runTransaction} runs the in-flight
 *       transactions again (idempotently, since a COMMIT cut off by the kill may have committed);
 *       the cluster keeps serving on two nodes and the killed node rejoins;</li>
 *   <li>concurrent increments of shared counters through engines on different nodes meet
 *       Galera's certification conflicts (1213 / 40001 at COMMIT), which {@code runTransaction}
 *       retries, and end exact on every node.</li>
 * </ul>
 * Skipped when the cluster is not up, failed instead with {@code JALCHEMY_CLUSTER_REQUIRED=1}.
 * Figures (failover time, retries, rejoin time) are printed as {@code [galera] ...} lines.
 * Reads that check results use {@code wsrep_sync_wait=1}: a node applies other nodes' commits
 * asynchronously, so only a causal read sees everything committed before it.
 */
class GaleraClusterTest {
    private static final int WRITERS = 8;

    @BeforeEach
    void clusterUp() {
        GaleraCluster.require();
    }

    /** Counts retries by cause; thread-safe. */
    static final class RetryCounter implements RetryPolicy.RetryListener {
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger lostConnections = new AtomicInteger();
        final AtomicInteger unknownCommits = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();
        final AtomicInteger retriedTransactions = new AtomicInteger();

        @Override
        public void retrying(int attempt, Throwable error, Duration delay) {
            if (attempt == 1) {
                retriedTransactions.incrementAndGet();
            }
            if (error instanceof CommitOutcomeUnknownError) {
                unknownCommits.incrementAndGet();
            } else if (error instanceof DBAPIError d && d.connectionInvalidated()) {
                lostConnections.incrementAndGet();
            } else if (error instanceof DBAPIError d && (d.vendorCode() == 1213 || "40001".equals(d.sqlState()))) {
                conflicts.incrementAndGet();
            } else {
                other.incrementAndGet();
            }
        }

        int total() {
            return conflicts.get() + lostConnections.get() + unknownCommits.get() + other.get();
        }

        @Override
        public String toString() {
            return "retries " + total() + " (in " + retriedTransactions + " transactions): conflicts " + conflicts
                    + ", lost connections " + lostConnections + ", COMMITs of unknown outcome " + unknownCommits
                    + ", other " + other;
        }
    }

    private static final TextClause ROW_EXISTS = text("SELECT 1 FROM gc_rows WHERE writer = :writer AND seq = :seq");
    private static final TextClause INSERT_ROW = text("INSERT INTO gc_rows (writer, seq, port) VALUES (:writer, :seq, @@port)");
    private static final TextClause SERVER_PORT = text("SELECT @@port");

    /** One committed (or given-up) insert: when runTransaction returned, and through which node. */
    record Commit(long writer, long seq, long atNanos, int port) {
    }

    @Test
    @DisplayName("[galera] kill -9 of the node the pool talks to under 8 writers: 0 committed rows lost, the node rejoins")
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void killingTheNodeThePoolTalksToLosesNoCommittedRow() throws Exception {
        // tag::cluster-engine[]
        Engine engine = Jalchemy.createEngine(
                "mariadb://root@127.0.0.1:3307,127.0.0.1:3308,127.0.0.1:3309/test_cluster",
                o -> o.poolSize(8).maxOverflow(2).connectTimeout(Duration.ofSeconds(5)));
        // end::cluster-engine[]
        RetryCounter retries = new RetryCounter();
        // tag::failover-policy[]
        RetryPolicy policy = RetryPolicy.builder()
                .idempotent(true)                  // a COMMIT cut off by the failover runs again...
                .maxElapsed(Duration.ofSeconds(30))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(500))
                .listener(retries)
                .build();
        // end::failover-policy[]
        try (engine) {
            Db.dropTables(engine, "gc_rows");
            Db.exec(engine, "CREATE TABLE gc_rows (writer INTEGER NOT NULL, seq INTEGER NOT NULL, port INTEGER NOT NULL,"
                    + " PRIMARY KEY (writer, seq)) ENGINE=InnoDB");
            int victim = GaleraCluster.nodeOfPort(port(engine));
            int survivor = victim % GaleraCluster.NODES + 1;

            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<Commit> committed = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Commit> gaveUp = new ConcurrentLinkedQueue<>();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                final int writer = w;
                writers.add(Thread.ofPlatform().name("galera-writer-" + w).start(() -> {
                    for (int seq = 1; !stop.get(); seq++) {
                        Map<String, Object> key = Map.of("writer", writer, "seq", seq);
                        try {
                            // tag::idempotent-writer[]
                            int port = engine.runTransaction(c -> {
                                // ...and finds its row already there when that COMMIT did commit
                                if (c.execute(ROW_EXISTS, key).scalarOneOrNone() == null) {
                                    c.execute(INSERT_ROW, key);
                                }
                                return ((Number) c.execute(SERVER_PORT).scalarOne()).intValue();
                            }, policy);
                            // end::idempotent-writer[]
                            committed.add(new Commit(writer, seq, System.nanoTime(), port));
                        } catch (RuntimeException e) {
                            gaveUp.add(new Commit(writer, seq, System.nanoTime(), -1));
                        }
                    }
                }));
            }
            awaitCount(committed, 300, 30_000);

            long killedAt = System.nanoTime();
            GaleraCluster.kill(victim);
            int victimPort = GaleraCluster.port(victim);
            // the cluster keeps serving: 300 more commits, all through surviving nodes
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (committedAfter(committed, killedAt, victimPort) < 300 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stop.set(true);
            for (Thread t : writers) {
                t.join(60_000);
            }
            long firstAfter = committed.stream().filter(c -> c.atNanos() > killedAt && c.port() != victimPort)
                    .mapToLong(Commit::atNanos).min().orElse(Long.MAX_VALUE);
            assertThat(committedAfter(committed, killedAt, victimPort)).as("commits through the surviving nodes")
                    .isGreaterThanOrEqualTo(300);
            double failoverSeconds = (firstAfter - killedAt) / 1e9;
            assertThat(GaleraCluster.awaitClusterSize(survivor, 2, 10_000)).as("two nodes left").isTrue();

            Set<List<Long>> present = rowKeys(survivor);
            List<List<Long>> lost = new ArrayList<>();
            for (Commit c : committed) {
                if (!present.contains(List.of(c.writer(), c.seq()))) {
                    lost.add(List.of(c.writer(), c.seq()));
                }
            }
            Set<List<Long>> attempted = new HashSet<>();
            committed.forEach(c -> attempted.add(List.of(c.writer(), c.seq())));
            gaveUp.forEach(c -> attempted.add(List.of(c.writer(), c.seq())));
            assertThat(lost).as("committed rows missing after the kill").isEmpty();
            assertThat(attempted).as("no row that was never inserted").containsAll(present);
            assertThat(gaveUp).as("transactions the policy gave up on").isEmpty();
            assertThat(retries.lostConnections.get() + retries.unknownCommits.get())
                    .as("the kill cut off transactions in flight, which were run again").isPositive();

            double rejoinSeconds = GaleraCluster.startMissingNodes();
            assertThat(GaleraCluster.clusterSize(victim)).as("the killed node rejoined").isEqualTo(3);
            assertThat(rowKeys(victim)).as("the rejoined node has every row").isEqualTo(present);
            System.out.printf("[galera] failover: node%d killed under %d writers; %d commits before, %d after"
                            + " (through node%d..); first commit through a surviving node %.2f s after the kill;"
                            + " committed rows lost: %d; %s; given up: %d; rejoin (state transfer) %.1f s%n",
                    victim, WRITERS, committed.size() - committedAfter(committed, killedAt, victimPort),
                    committedAfter(committed, killedAt, victimPort), survivor, failoverSeconds, lost.size(), retries,
                    gaveUp.size(), rejoinSeconds);
        }
    }

    private static int port(Engine engine) {
        try (Connection c = engine.connect()) {
            return ((Number) c.execute(SERVER_PORT).scalarOne()).intValue();
        }
    }

    private static long committedAfter(ConcurrentLinkedQueue<Commit> committed, long nanos, int victimPort) {
        return committed.stream().filter(c -> c.atNanos() > nanos && c.port() != victimPort).count();
    }

    private static void awaitCount(ConcurrentLinkedQueue<Commit> q, int n, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (q.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(q.size()).as("commits before the kill").isGreaterThanOrEqualTo(n);
    }

    /** Every (writer, seq) in gc_rows as node {@code n} sees it after applying everything committed so far. */
    private static Set<List<Long>> rowKeys(int n) throws SQLException {
        Set<List<Long>> keys = new HashSet<>();
        GaleraCluster.causalRead(n, "SELECT writer, seq FROM gc_rows", rs -> keys.add(List.of(rs.getLong(1), rs.getLong(2))));
        return keys;
    }

    private static final TextClause LOCK_COUNTER = text("SELECT v FROM gc_counter WHERE id = :id FOR UPDATE");
    private static final TextClause SET_COUNTER = text("UPDATE gc_counter SET v = :v WHERE id = :id");
    private static final int COUNTERS = 3;
    private static final int INCREMENTS_PER_THREAD = 40;

    @Test
    @DisplayName("[galera] concurrent increments of shared counters through all three nodes: certification conflicts retried, totals exact")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void certificationConflictsAreRetriedAndCountersEndExact() throws Exception {
        List<Engine> engines = new ArrayList<>();
        for (int n = 1; n <= GaleraCluster.NODES; n++) {
            engines.add(Jalchemy.createEngine(GaleraCluster.nodeUrl(n), o -> o.poolSize(2).maxOverflow(0)));
        }
        RetryCounter retries = new RetryCounter();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(50).backoff(Duration.ofMillis(2), Duration.ofMillis(100))
                .listener(retries).build();
        try {
            Engine first = engines.get(0);
            Db.dropTables(first, "gc_counter");
            Db.exec(first, "CREATE TABLE gc_counter (id INTEGER PRIMARY KEY, v INTEGER NOT NULL) ENGINE=InnoDB",
                    "INSERT INTO gc_counter (id, v) VALUES (1, 0), (2, 0), (3, 0)");
            for (int n = 1; n <= GaleraCluster.NODES; n++) {
                counters(n); // every node has applied the table before the threads use it
            }
            AtomicLongArray tally = new AtomicLongArray(COUNTERS + 1);
            AtomicLong failures = new AtomicLong();
            long t0 = System.nanoTime();
            // rounds until the run has met at least one conflict (nearly always in the first)
            for (int round = 0; round < 5 && (round == 0 || retries.conflicts.get() == 0); round++) {
                List<Thread> threads = new ArrayList<>();
                Map<Integer, Throwable> errors = new ConcurrentHashMap<>();
                for (int t = 0; t < 2 * GaleraCluster.NODES; t++) {
                    final int thread = t;
                    Engine engine = engines.get(t % GaleraCluster.NODES);
                    threads.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                            int id = (thread + i) % COUNTERS + 1;
                            try {
                                // tag::certification-retry[]
                                engine.runInTransaction(c -> {
                                    // FOR UPDATE locks the row on this node only; a transaction on
                                    // another node that changed it first makes this COMMIT fail
                                    // certification (1213 / 40001), and runTransaction runs it again
                                    long v = ((Number) c.execute(LOCK_COUNTER, Map.of("id", id)).scalarOne()).longValue();
                                    c.execute(SET_COUNTER, Map.of("id", id, "v", v + 1));
                                }, policy);
                                // end::certification-retry[]
                                tally.incrementAndGet(id);
                            } catch (RuntimeException e) {
                                failures.incrementAndGet();
                                errors.put(thread, e);
                            }
                        }
                    }));
                }
                for (Thread t : threads) {
                    t.join(60_000);
                }
                assertThat(errors).as("transactions the policy gave up on").isEmpty();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long total = 0;
            for (int id = 1; id <= COUNTERS; id++) {
                total += tally.get(id);
            }
            for (int n = 1; n <= GaleraCluster.NODES; n++) {
                long[] v = counters(n);
                for (int id = 1; id <= COUNTERS; id++) {
                    assertThat(v[id]).as("counter %d on node%d", id, n).isEqualTo(tally.get(id));
                }
            }
            assertThat(failures.get()).isZero();
            assertThat(retries.conflicts.get()).as("certification conflicts met (and retried)").isPositive();
            assertThat(retries.other.get() + retries.lostConnections.get() + retries.unknownCommits.get()).isZero();
            System.out.printf("[galera] certification: %d increments of %d shared counters through 3 nodes in %.1f s;"
                    + " %s; counters exact on every node%n", total, COUNTERS, seconds, retries);
        } finally {
            engines.forEach(Engine::close);
        }
    }

    @Test
    @DisplayName("[galera] causal reads: with wsrep_sync_wait=1 in the URL, a row committed through one node is read at once through another")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReaderOnAnotherNodeWithSyncWaitSeesEveryCommittedRow() {
        Engine writer = Jalchemy.createEngine(GaleraCluster.nodeUrl(1), o -> o.poolSize(1));
        // tag::causal-reads[]
        Engine reader = Jalchemy.createEngine(
                "mariadb://root@127.0.0.1:3308/test_cluster?sessionVariables=wsrep_sync_wait=1",
                o -> o.poolSize(1));
        // end::causal-reads[]
        try (writer; reader) {
            Db.dropTables(writer, "gc_causal");
            Db.exec(writer, "CREATE TABLE gc_causal (id INTEGER PRIMARY KEY) ENGINE=InnoDB");
            try (Connection r = reader.connect()) {
                assertThat(((Number) r.execute(text("SELECT @@wsrep_sync_wait")).scalarOne()).intValue()).isEqualTo(1);
                r.rollback();
            }
            for (int i = 1; i <= 100; i++) {
                int id = i;
                writer.inTransaction(c -> c.execute(text("INSERT INTO gc_causal (id) VALUES (:id)"), Map.of("id", id)));
                long seen = reader.transaction(c -> ((Number) c.execute(
                        text("SELECT COUNT(*) FROM gc_causal WHERE id = :id"), Map.of("id", id)).scalarOne()).longValue());
                assertThat(seen).as("row %d, committed through node1, read through node2", id).isEqualTo(1);
            }
        }
    }

    /** The counters as node {@code n} sees them after applying everything committed so far (index = id). */
    private static long[] counters(int n) throws SQLException {
        long[] v = new long[COUNTERS + 1];
        GaleraCluster.causalRead(n, "SELECT id, v FROM gc_counter", rs -> v[rs.getInt(1)] = rs.getLong(2));
        return v;
    }
}
