package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.engine.IsolationLevel;
import org.jalchemy.engine.RetryPolicy;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.model.Wallet;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * factory.runTransaction: the whole unit of work runs again in a new session when it fails with a
 * retryable error. The acceptance test: 8 threads moving money between 10 wallets at SERIALIZABLE,
 * each transfer a read-modify-write of two balances (lost updates would change the total); the
 * total is exact and every transfer happened once.
 */
class RetryingTransactionTest {
    private static final int THREADS = 8;
    private static final int TRANSFERS_PER_THREAD = 40;
    private static final int WALLETS = 10;
    private static final long START = 1_000;

    @BackendTest
    void serializableTransfersFromEightThreadsKeepTheTotalExact(Backend backend) throws Exception {
        OrmTesting.fresh(backend, Registry.of(Wallet.class));
        try (Engine e = backend.newEngine(o -> o.poolSize(THREADS).maxOverflow(0)
                .isolationLevel(IsolationLevel.SERIALIZABLE).lockTimeout(Duration.ofSeconds(10)))) {
            SessionFactory factory = SessionFactory.bind(e);
            factory.inTransaction(s -> {
                for (int i = 1; i <= WALLETS; i++) {
                    s.add(new Wallet(i, START));
                }
            });
            AtomicInteger retries = new AtomicInteger();
            AtomicInteger gaveUp = new AtomicInteger();
            RetryPolicy policy = RetryPolicy.builder().maxAttempts(50).backoff(Duration.ofMillis(2), Duration.ofMillis(100))
                    .maxElapsed(Duration.ofSeconds(60))
                    .listener(new RetryPolicy.RetryListener() {
                        @Override
                        public void retrying(int attempt, Throwable error, Duration delay) {
                            retries.incrementAndGet();
                        }

                        @Override
                        public void gaveUp(int attempts, Throwable error) {
                            gaveUp.incrementAndGet();
                        }
                    }).build();
            AtomicInteger moved = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            long[] expectedNet = new long[WALLETS + 1];
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long t0 = System.nanoTime();
            try {
                List<Future<long[]>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    long seed = 7919L * (t + 1);
                    done.add(pool.submit(() -> {
                        SplittableRandom rnd = new SplittableRandom(seed);
                        long[] net = new long[WALLETS + 1];
                        for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                            int from = 1 + rnd.nextInt(WALLETS);
                            int to = 1 + (from + rnd.nextInt(WALLETS - 1)) % WALLETS;
                            long amount = 1 + rnd.nextInt(150);
                            boolean ok = factory.runTransaction(s -> {
                                Wallet a = s.get(Wallet.class, from).orElseThrow();
                                Wallet b = s.get(Wallet.class, to).orElseThrow();
                                if (a.balance < amount) {
                                    return false;
                                }
                                a.balance = a.balance - amount;
                                b.balance = b.balance + amount;
                                return true;
                            }, policy);
                            if (ok) {
                                moved.incrementAndGet();
                                net[from] -= amount;
                                net[to] += amount;
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                        return net;
                    }));
                }
                for (Future<long[]> f : done) {
                    long[] net = f.get(120, TimeUnit.SECONDS);
                    for (int i = 1; i <= WALLETS; i++) {
                        expectedNet[i] += net[i];
                    }
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[transfers %s] %d threads x %d: %d moved, %d refused (funds), %d retries, %d gave up, %d ms%n",
                    backend, THREADS, TRANSFERS_PER_THREAD, moved.get(), refused.get(), retries.get(), gaveUp.get(), ms);
            assertThat(gaveUp.get()).isZero();
            assertThat(moved.get() + refused.get()).isEqualTo(THREADS * TRANSFERS_PER_THREAD);
            try (Session s = factory.open()) {
                long total = 0;
                for (int i = 1; i <= WALLETS; i++) {
                    long balance = s.get(Wallet.class, i).orElseThrow().balance;
                    assertThat(balance).as("wallet %d: every committed transfer applied exactly once", i)
                            .isEqualTo(START + expectedNet[i]);
                    assertThat(balance).isNotNegative();
                    total += balance;
                }
                assertThat(total).isEqualTo(WALLETS * START);
            }
        }
    }

    @BackendTest
    void anErrorThatWouldFailAgainIsNotRetried(Backend backend) {
        SessionFactory factory = SessionFactory.bind(OrmTesting.fresh(backend, Registry.of(Wallet.class)));
        factory.inTransaction(s -> s.add(new Wallet(1, 10)));
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> factory.runInTransaction(s -> {
            attempts.incrementAndGet();
            s.add(new Wallet(1, 20)); // duplicate key
        }, RetryPolicy.defaults())).isInstanceOf(IntegrityError.class);
        assertThat(attempts.get()).isEqualTo(1);
    }
}
