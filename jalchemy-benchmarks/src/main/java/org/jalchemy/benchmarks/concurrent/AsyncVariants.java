package org.jalchemy.benchmarks.concurrent;

import org.jalchemy.Jalchemy;
import org.jalchemy.asyncio.AsyncEngine;
import org.jalchemy.asyncio.AsyncSession;
import org.jalchemy.asyncio.AsyncSessionFactory;
import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.LoadStats;
import org.jalchemy.benchmarks.RunFigures;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.exc.DBAPIError;
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
import java.util.concurrent.ThreadPoolExecutor;
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
 * {@code sqlalchemy_async_bench.py}. Every run publishes its {@link LoadStats}; its value is the time from the first submission to the
 * last completion (the platform pool of each run is started before and shut down after it).
 *
 * <p>Retries: a request that fails with a retryable error ({@link DBAPIError#retryable()}: a
 * deadlock or serialization failure) runs again from the start in a new session, at most
 * {@value #MAX_ATTEMPTS} times, in every variant (the SQLAlchemy script does the same); the run's
 * {@code retries} figure counts them. The workload cannot deadlock by itself (each request writes
 * its own row: 0 retries on a database of its own); MariaDB error 1213 appears when another process
 * runs DDL on ar_account in the same database meanwhile (a transaction that read the table holds
 * a shared metadata lock and deadlocks with the DDL's exclusive one when it wants to write).
 */
public final class AsyncVariants {
    static final int PLATFORM_THREADS = 200;
    static final int MAX_ATTEMPTS = 10;

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

    /** One request with the synchronous ORM, run again (counted) after a deadlock. */
    private static void request(SessionFactory f, int k, AtomicInteger retries) {
        for (int attempt = 1; ; attempt++) {
            try (Session s = f.open()) {
                ArAccount a = s.get(ArAccount.class, k + 1).orElseThrow();
                a.counter++;
                s.commit();
                return;
            } catch (DBAPIError e) {
                if (attempt >= MAX_ATTEMPTS || !e.retryable()) {
                    throw e;
                }
                retries.incrementAndGet();
            }
        }
    }

    /** One request with jalchemy-async, run again (counted) after a deadlock. */
    private static CompletableFuture<Void> request(AsyncSessionFactory f, int k, int attempt, AtomicInteger retries) {
        AsyncSession s = f.open();
        return s.get(ArAccount.class, k + 1)
                .thenCompose(a -> {
                    a.orElseThrow().counter++;
                    return s.commit();
                })
                .handle((v, e) -> {
                    s.close();
                    return e;
                })
                .thenCompose(e -> {
                    if (e == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause() : e;
                    if (attempt >= MAX_ATTEMPTS || !(c instanceof DBAPIError d) || !d.retryable()) {
                        return CompletableFuture.failedFuture(c);
                    }
                    retries.incrementAndGet();
                    return request(f, k, attempt + 1, retries);
                });
    }

    private static void putRetries(LoadStats.Recorder rec, AtomicInteger retries) {
        rec.put("retries", retries.get());
        if (retries.get() > 0) {
            System.err.printf("[bench] async_requests: %d requests retried after a deadlock%n", retries.get());
        }
    }

    static long platformThreads(BenchBackend b, int n) throws Exception {
        SessionFactory f = factory(b).sync();
        AtomicInteger seq = new AtomicInteger();
        // a pool of its own per run, its threads started before the clock: with variants interleaved
        // (platform, virtual, async, platform, ...) a shared pool would still be alive, and counted,
        // while the next variant measures its peak threads
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(
                PLATFORM_THREADS, r -> Thread.ofPlatform().name("bench-platform-" + seq.incrementAndGet()).unstarted(r));
        pool.prestartAllCoreThreads();
        try {
            return onExecutor(pool, f, n);
        } finally {
            pool.close();
            awaitExit("bench-platform-");
        }
    }

    /** Waits (at most 10 s, outside the measured time) until no thread named {@code prefix}... is alive. */
    private static void awaitExit(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive())) {
            Thread.sleep(5);
        }
    }

    static long virtualThreads(BenchBackend b, int n) throws Exception {
        SessionFactory f = factory(b).sync();
        try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            return onExecutor(perTask, f, n);
        }
    }

    private static long onExecutor(ExecutorService executor, SessionFactory f, int n) throws Exception {
        LoadStats.Recorder rec = LoadStats.start(n);
        AtomicInteger retries = new AtomicInteger();
        long t0 = System.nanoTime();
        Future<?>[] all = new Future<?>[n];
        for (int k = 0; k < n; k++) {
            int i = k;
            all[k] = executor.submit(() -> {
                request(f, i, retries);
                rec.done(i);
            });
        }
        rec.submitted();
        for (Future<?> r : all) {
            r.get();
        }
        RunFigures.value((System.nanoTime() - t0) / 1e9);
        putRetries(rec, retries);
        rec.finish();
        return 0; // a write workload: the harness checks the table
    }

    static long jalchemyAsync(BenchBackend b, int n) {
        AsyncSessionFactory f = factory(b);
        LoadStats.Recorder rec = LoadStats.start(n);
        AtomicInteger retries = new AtomicInteger();
        long t0 = System.nanoTime();
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        for (int k = 0; k < n; k++) {
            int i = k;
            all[k] = request(f, k, 1, retries).whenComplete((v, e) -> rec.done(i));
        }
        rec.submitted();
        CompletableFuture.allOf(all).join();
        RunFigures.value((System.nanoTime() - t0) / 1e9);
        putRetries(rec, retries);
        rec.finish();
        return 0;
    }
}
