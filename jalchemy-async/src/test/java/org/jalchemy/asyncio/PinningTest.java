package org.jalchemy.asyncio;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jalchemy.asyncio.model.Writer;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.asyncio.AsyncTesting.done;
import static org.jalchemy.sql.Sql.text;

/**
 * Do the JDBC drivers and the pool pin virtual threads? On JDK 21 a virtual thread that blocks
 * while holding a monitor ({@code synchronized}) pins its carrier thread; JDK 24 (JEP 491) lifted
 * that, but native frames still pin on every JDK. Two checks, both meaningful on any JDK:
 * <ol>
 *   <li>the monitors a thread holds while it waits on the database (a statement, a pool checkout),
 *       sampled with {@link ThreadMXBean} — what a JDK 21 virtual thread would be pinned by;</li>
 *   <li>a JFR recording of {@code jdk.VirtualThreadPinned} while sessions run concurrently on
 *       virtual threads, waiting for the pool and the database: no pinning at all.</li>
 * </ol>
 * SQLite is the known exception, checked as such: sqlite-jdbc runs each step of a statement in a
 * {@code synchronized native} method, so the carrier is occupied for the step (CPU and file I/O,
 * no network wait) on every JDK. docs/async.md has the per-driver details.
 */
class PinningTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * java.io classes that on JDK 21 lock a {@code jdk.internal.misc.InternalLock} (a ReentrantLock,
     * no pinning) when used as they are, not subclassed (JDK-8284161, with virtual threads), and
     * went back to {@code synchronized} in JDK 24 (JDK-8343039) once monitors stopped pinning: the
     * monitor sampled on this JDK is a lock that does not pin on JDK 21 either. MariaDB
     * Connector/J reads its socket through a plain BufferedInputStream.
     */
    private static final Set<String> JDK21_INTERNAL_LOCKS = Set.of("java.io.BufferedInputStream",
            "java.io.BufferedOutputStream", "java.io.BufferedReader", "java.io.BufferedWriter",
            "java.io.InputStreamReader", "java.io.OutputStreamWriter", "java.io.PrintStream", "java.io.PrintWriter");

    /** Monitors {@code t} holds, sampled every 20 ms while {@code whileWaiting} stays true; plus whether it was seen waiting in the driver. */
    private static Set<String> monitorsHeldWhile(Thread t, java.util.function.BooleanSupplier whileWaiting,
                                                 String driverPackage, boolean[] sawDriverFrames) {
        Set<String> held = new TreeSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int samples = 0;
        while (System.nanoTime() < deadline && samples < 25) {
            ThreadInfo info = THREADS.getThreadInfo(new long[]{t.threadId()}, true, false)[0];
            if (info != null && whileWaiting.getAsBoolean()) {
                samples++;
                for (MonitorInfo m : info.getLockedMonitors()) {
                    if (!JDK21_INTERNAL_LOCKS.contains(m.getClassName())) {
                        held.add(m.getClassName());
                    }
                }
                for (StackTraceElement f : info.getStackTrace()) {
                    if (f.getClassName().startsWith(driverPackage)) {
                        sawDriverFrames[0] = true;
                    }
                }
            }
            AsyncSessionTest.sleep(20);
        }
        return held;
    }

    private static String driverPackage(Backend backend) {
        return backend.isPostgresql() ? "org.postgresql" : backend.isMariadb() ? "org.mariadb" : "org.sqlite";
    }

    @BackendTest
    void noMonitorIsHeldWhileWaitingForTheDatabase(Backend backend) throws Exception {
        try (Engine engine = backend.newEngine(o -> o.poolSize(1).maxOverflow(0).poolTimeout(Duration.ofSeconds(20)))) {
            // 1. a statement the database takes long over, on a platform thread we can sample
            AtomicReference<Connection> conn = new AtomicReference<>(engine.connect());
            CompletableFuture<Void> slowDone = new CompletableFuture<>();
            Thread slow = Thread.ofPlatform().start(() -> {
                try {
                    conn.get().execute(text(Db.slowQuery(backend))).scalar();
                } catch (RuntimeException expected) {
                    // cancelled below
                } finally {
                    slowDone.complete(null);
                }
            });
            AsyncSessionTest.sleep(200);
            boolean[] inDriver = {false};
            Set<String> duringStatement = monitorsHeldWhile(slow, () -> !slowDone.isDone(), driverPackage(backend), inDriver);
            conn.get().cancel();
            AsyncSessionTest.join(slow);
            assertThat(inDriver[0]).as("sampled while inside the driver").isTrue();
            if (backend.isSqlite()) {
                assertThat(duringStatement).as("sqlite-jdbc steps in a synchronized native method (pins on every JDK)")
                        .contains("org.sqlite.core.NativeDB");
            } else {
                assertThat(duringStatement).as("monitors held while waiting for the database").isEmpty();
            }
            conn.get().rollback();

            // 2. a checkout that waits for the pool's only connection
            CompletableFuture<Void> gotIt = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try (Connection second = engine.connect()) {
                    gotIt.complete(null);
                }
            });
            AsyncSessionTest.sleep(200);
            boolean[] inPool = {false};
            // the pool's admission gate (in front of HikariCP, which then never has waiters)
            Set<String> duringCheckout = monitorsHeldWhile(waiter, () -> !gotIt.isDone(), "org.jalchemy.engine.AdmissionGate", inPool);
            assertThat(inPool[0]).as("sampled while waiting in the pool's admission gate").isTrue();
            assertThat(duringCheckout).as("monitors held while waiting for a pooled connection").isEmpty();
            conn.get().close();
            AsyncSessionTest.join(waiter);
        }
    }

    /** {@code n} concurrent requests, each a session that gets a writer and reads its articles (a lazy load). */
    private static CompletableFuture<Void> requests(AsyncSessionFactory factory, int n) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i % 20 + 1;
            all.add(factory.inTransaction(s -> s.get(Writer.class, id).thenApply(w -> w.orElseThrow().articles.size())));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /**
     * Class loading and initialisation pin on every JDK (JEP 491 leaves them out): a one-off of the
     * first use of a class, not of waiting for the database, so not counted here.
     */
    private static boolean loadsAClass(RecordedEvent e) {
        return e.getStackTrace() != null && e.getStackTrace().getFrames().stream().anyMatch(f ->
                f.getMethod().getName().equals("<clinit>") || f.getMethod().getName().equals("loadClass")
                        && f.getMethod().getType().getName().endsWith("ClassLoader"));
    }

    @BackendTest
    void concurrentSessionsOnVirtualThreadsAreNeverPinned(Backend backend, @TempDir Path dir) throws Exception {
        List<RecordedEvent> pinned = new ArrayList<>();
        try (AsyncEngine engine = AsyncTesting.engine(backend, 2)) {
            AsyncTesting.seed(engine.sync(), 20);
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            done(requests(factory, 20));          // warm-up: classes loaded before the recording starts
            try (Recording recording = new Recording()) {
                recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
                recording.start();
                done(requests(factory, 200));      // 200 sessions, 2 connections: most wait for the pool
                recording.stop();
                Path file = dir.resolve("pinning.jfr");
                recording.dump(file);
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    if (!loadsAClass(e)) {
                        pinned.add(e);
                    }
                }
            }
        }
        assertThat(pinned).as("virtual threads pinned while sessions waited for the pool and the database: %s",
                pinned.isEmpty() ? "" : pinned.get(0)).isEmpty();
    }
}
