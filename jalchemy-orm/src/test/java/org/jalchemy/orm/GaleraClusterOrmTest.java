package org.jalchemy.orm;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.IsolationLevel;
import org.jalchemy.engine.RetryPolicy;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.orm.model.Wallet;
import org.jalchemy.testing.GaleraCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * factory.runTransaction on a real 3-node MariaDB Galera cluster ({@code ./dev cluster galera start}):
 * money moves between wallets through a session factory per node, each transfer a read-modify-write
 * of two balances. Two nodes changing one wallet at once make the later COMMIT fail certification
 * (1213 / 40001); the unit of work runs again in a new session, and every balance ends exact on
 * every node. Skipped when the cluster is not up; failed instead with JALCHEMY_CLUSTER_REQUIRED=1.
 */
class GaleraClusterOrmTest {
    private static final int WALLETS = 4;
    private static final long START = 1_000;
    private static final int TRANSFERS_PER_THREAD = 25;

    @BeforeEach
    void clusterUp() {
        GaleraCluster.require();
    }

    @Test
    @DisplayName("[galera] ORM transfers through three nodes: certification conflicts retried by factory.runTransaction, balances exact")
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void transfersThroughThreeNodesEndExact() throws Exception {
        Registry registry = Registry.of(Wallet.class);
        List<Engine> engines = new ArrayList<>();
        List<SessionFactory> factories = new ArrayList<>();
        for (int n = 1; n <= GaleraCluster.NODES; n++) {
            // SERIALIZABLE: reads take shared locks, so two transfers on one node cannot lose an update
            Engine e = Jalchemy.createEngine(GaleraCluster.nodeUrl(n), o -> o.poolSize(2).maxOverflow(0)
                    .isolationLevel(IsolationLevel.SERIALIZABLE).lockTimeout(Duration.ofSeconds(10)));
            engines.add(e);
            factories.add(SessionFactory.bind(e));
        }
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger otherRetries = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(50).backoff(Duration.ofMillis(2), Duration.ofMillis(100))
                .listener((attempt, error, delay) -> {
                    if (error instanceof DBAPIError d && (d.vendorCode() == 1213 || "40001".equals(d.sqlState()))) {
                        conflicts.incrementAndGet();
                    } else {
                        otherRetries.incrementAndGet();
                    }
                }).build();
        try {
            registry.metadata().dropAll(engines.get(0), true);
            registry.metadata().createAll(engines.get(0));
            factories.get(0).inTransaction(s -> {
                for (int i = 1; i <= WALLETS; i++) {
                    s.add(new Wallet(i, START));
                }
            });
            balances(1);
            balances(2);
            balances(3); // every node has the wallets before the threads start
            AtomicLongArray expected = new AtomicLongArray(WALLETS + 1);
            for (int i = 1; i <= WALLETS; i++) {
                expected.set(i, START);
            }
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            long t0 = System.nanoTime();
            for (int t = 0; t < 2 * GaleraCluster.NODES; t++) {
                SessionFactory factory = factories.get(t % GaleraCluster.NODES);
                SplittableRandom rnd = new SplittableRandom(31L * (t + 1));
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                        int from = 1 + rnd.nextInt(WALLETS);
                        int to = 1 + (from + rnd.nextInt(WALLETS - 1)) % WALLETS;
                        long amount = 1 + rnd.nextInt(20);
                        try {
                            // tag::orm-transfer[]
                            factory.runInTransaction(s -> {
                                Wallet a = s.get(Wallet.class, from).orElseThrow();
                                Wallet b = s.get(Wallet.class, to).orElseThrow();
                                a.balance = a.balance - amount;
                                b.balance = b.balance + amount;
                            }, policy);
                            // end::orm-transfer[]
                            expected.addAndGet(from, -amount);
                            expected.addAndGet(to, amount);
                        } catch (RuntimeException e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join(60_000);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(errors).as("transfers the policy gave up on").isEmpty();
            for (int n = 1; n <= GaleraCluster.NODES; n++) {
                long[] b = balances(n);
                for (int i = 1; i <= WALLETS; i++) {
                    assertThat(b[i]).as("wallet %d on node%d", i, n).isEqualTo(expected.get(i));
                }
            }
            assertThat(conflicts.get()).as("certification conflicts met (and retried)").isPositive();
            System.out.printf("[galera] ORM: %d transfers between %d wallets through 3 nodes in %.1f s; retries:"
                            + " %d conflicts (1213/40001), %d other; balances exact on every node%n",
                    2 * GaleraCluster.NODES * TRANSFERS_PER_THREAD, WALLETS, seconds, conflicts.get(), otherRetries.get());
        } finally {
            engines.forEach(Engine::close);
        }
    }

    /** Balances as node {@code n} sees them after applying everything committed so far (index = id). */
    private static long[] balances(int n) throws Exception {
        long[] v = new long[WALLETS + 1];
        GaleraCluster.causalRead(n, "SELECT id, balance FROM orm_wallets", rs -> v[rs.getInt(1)] = rs.getLong(2));
        return v;
    }
}
