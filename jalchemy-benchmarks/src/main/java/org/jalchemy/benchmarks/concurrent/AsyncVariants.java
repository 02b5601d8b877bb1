package org.jalchemy.benchmarks.concurrent;

import org.jalchemy.Jalchemy;
import org.jalchemy.asyncio.AsyncEngine;
import org.jalchemy.asyncio.AsyncSession;
import org.jalchemy.asyncio.AsyncSessionFactory;
import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.LoadStats;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The async_requests workload: {@code n} requests submitted at once, each a session that gets an
 * account by key, adds one to its counter and commits, on one engine with a pool of
 * {@value Workload#ASYNC_POOL} connections (no overflow; a pool timeout fails the run). Three
 * ways to serve them:
 * <ul>
 *   <li>{@code platform_threads} (the baseline): the synchronous ORM on a fixed pool of 200
 *       platform threads, the classic servlet-container shape;</li>
 *   <li>{@code virtual_threads}: the same synchronous code, one virtual thread per request;</li>
 *   <li>{@code jalchemy_async}: jalchemy-async, {@code session.get(...).thenCompose(a -> commit)},
 *       each session's calls on its own virtual thread.</li>
 * </ul>
 * The SQLAlchemy side ({@code sqlalchemy_asyncio}, asyncpg/aiomysql) is
 * {@code sqlalchemy_async_bench.py}. Every run publishes its {@link LoadStats}.
 */
public final class AsyncVariants {
    static final int PLATFORM_THREADS = 200;

    private AsyncVariants() {
    }

    /** Row of the async_requests table. */
    @Entity(table = "ar_account")
    public static class ArAccount {
        @Id @Column public Integer id;
        @Column(length = 255, nullable = false) public String name;
        @Column(nullable = false) public int counter;

        public ArAccount() {
        }
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.ASYNC_REQUESTS, "platform_threads", AsyncVariants::platformThreads),
                Variant.of(Workload.ASYNC_REQUESTS, "virtual_threads", AsyncVariants::virtualThreads),
                Variant.of(Workload.ASYNC_REQUESTS, "jalchemy_async", AsyncVariants::jalchemyAsync));
    }

    /** The key under which the backend keeps the workload's engine; released before SQLAlchemy runs. */
    public static final String ENGINE = "async_requests-engine";

    private static AsyncSessionFactory factory(BenchBackend b) {
        AsyncEngine engine = b.shared(ENGINE, () -> AsyncEngine.from(Jalchemy.createEngine(b.url(),
                o -> o.poolSize(Workload.ASYNC_POOL).maxOverflow(0).poolTimeout(Duration.ofMinutes(2)))));
        return b.shared(ENGINE + "-factory", () -> AsyncSessionFactory.bind(engine));
    }

    /** One request with the synchronous ORM. */
    private static void request(SessionFactory f, int k) {
        try (Session s = f.open()) {
            ArAccount a = s.get(ArAccount.class, k + 1).orElseThrow();
            a.counter++;
            s.commit();
        }
    }

    static long platformThreads(BenchBackend b, int n) throws Exception {
        SessionFactory f = factory(b).sync();
        AtomicInteger seq = new AtomicInteger();
        ExecutorService pool = b.shared(PLATFORM_POOL, () -> Executors.newFixedThreadPool(
                PLATFORM_THREADS, r -> Thread.ofPlatform().name("bench-platform-" + seq.incrementAndGet()).unstarted(r)));
        return onExecutor(pool, f, n);
    }

    /** The platform threads' pool: closed before the other variants, so they do not count its 200 idle threads. */
    private static final String PLATFORM_POOL = "async_requests-platform-pool";

    static long virtualThreads(BenchBackend b, int n) throws Exception {
        b.release(PLATFORM_POOL); // first (untimed) warm-up run only
        SessionFactory f = factory(b).sync();
        try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            return onExecutor(perTask, f, n);
        }
    }

    private static long onExecutor(ExecutorService executor, SessionFactory f, int n) throws Exception {
        LoadStats.Recorder rec = LoadStats.start(n);
        Future<?>[] all = new Future<?>[n];
        for (int k = 0; k < n; k++) {
            int i = k;
            all[k] = executor.submit(() -> {
                request(f, i);
                rec.done(i);
            });
        }
        rec.submitted();
        for (Future<?> r : all) {
            r.get();
        }
        rec.finish();
        return 0; // a write workload: the harness checks the table
    }

    static long jalchemyAsync(BenchBackend b, int n) {
        b.release(PLATFORM_POOL); // first (untimed) warm-up run only
        AsyncSessionFactory f = factory(b);
        LoadStats.Recorder rec = LoadStats.start(n);
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        for (int k = 0; k < n; k++) {
            int i = k;
            AsyncSession s = f.open();
            all[k] = s.get(ArAccount.class, k + 1)
                    .thenCompose(a -> {
                        a.orElseThrow().counter++;
                        return s.commit();
                    })
                    .whenComplete((v, e) -> {
                        s.close();
                        rec.done(i);
                    });
        }
        rec.submitted();
        CompletableFuture.allOf(all).join();
        rec.finish();
        return 0;
    }
}
