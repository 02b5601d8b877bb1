package org.jalchemy.fault;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.exc.TimeoutError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.testing.SilentServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.jalchemy.sql.Sql.text;

/**
 * The fault suite's single-server faults, on real servers: a backend killed in the middle of a
 * transaction, a pool that runs dry, a leaked connection, a server that accepts and never
 * answers. (A PostgreSQL restart under load and hostile strings have classes of their own:
 * PostgresRestartFaultTest, HostileStringsFaultTest.) Every wait is bounded in count and time.
 */
@Tag("fault")
class FaultSuiteTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @BackendTest
    void faultBackendKilledMidTransactionLeavesNothingAndTheConnectionRecovers(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server session to kill");
        Db.dropTables(backend.engine(), "fault_kill");
        Db.exec(backend.engine(), "CREATE TABLE fault_kill (id INTEGER PRIMARY KEY)");
        try (Engine e = backend.newEngine(o -> o.poolSize(2).maxOverflow(0))) {
            assertTimeoutPreemptively(BOUND, () -> {
                Connection c = e.connect();
                c.execute(text("INSERT INTO fault_kill (id) VALUES (1)"));
                c.execute(text("INSERT INTO fault_kill (id) VALUES (2)"));
                backend.killSession(c.execute(text(backend.backendPidSql())).scalarOne());
                assertThatThrownBy(() -> c.execute(text("INSERT INTO fault_kill (id) VALUES (3)")))
                        .isInstanceOf(OperationalError.class)
                        .satisfies(ex -> {
                            DBAPIError d = (DBAPIError) ex;
                            assertThat(d.connectionInvalidated()).isTrue();
                            assertThat(d.retryable()).as("lost before COMMIT: safe to run again").isTrue();
                        });
                c.rollback();
                assertThat(Db.count(backend.engine(), "fault_kill")).as("the killed transaction left nothing").isZero();
                c.execute(text("INSERT INTO fault_kill (id) VALUES (1)"));
                c.commit();
                c.close();
            });
        }
        assertThat(Db.count(backend.engine(), "fault_kill")).isEqualTo(1);
    }

    @BackendTest
    void faultPoolExhaustionRaisesTimeoutErrorAtPoolTimeoutForEveryWaiter(Backend backend) throws Exception {
        try (Engine e = backend.newEngine(o -> o.poolSize(2).maxOverflow(0).poolTimeout(Duration.ofMillis(600)))) {
            List<Connection> held = new ArrayList<>();
            ExecutorService waiters = Executors.newFixedThreadPool(4);
            try {
                for (int i = 0; i < 2; i++) {
                    Connection c = e.connect();
                    c.execute(text("SELECT 1")).all();
                    held.add(c);
                }
                List<Future<Long>> waits = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    waits.add(waiters.submit(() -> {
                        long t0 = System.nanoTime();
                        assertThatThrownBy(e::connect).isInstanceOf(TimeoutError.class)
                                .hasMessageContaining("600 ms").hasMessageContaining("size 2 overflow 0");
                        return (System.nanoTime() - t0) / 1_000_000;
                    }));
                }
                for (Future<Long> w : waits) {
                    assertThat(w.get(20, TimeUnit.SECONDS)).as("each waiter gives up at poolTimeout").isBetween(500L, 5_000L);
                }
            } finally {
                held.forEach(Connection::close);
                waiters.shutdownNow();
                assertThat(waiters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            try (Connection c = e.connect()) {
                assertThat(((Number) c.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
            }
        }
    }

    @BackendTest
    void faultLeakedConnectionIsReportedWithTheCallSiteThatCheckedItOut(Backend backend) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Engine e = backend.newEngine(o -> o.leakDetectionThreshold(Duration.ofMillis(200)))) {
            Connection leaked = leakOne(e);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!captured.toString(StandardCharsets.UTF_8).contains("Connection leak") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            leaked.close();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARN jalchemy.pool - Connection leak")
                .contains("checked out at org.jalchemy.fault.FaultSuiteTest.leakOne(FaultSuiteTest.java:")
                .contains("has not been returned after 200 ms (leakDetectionThreshold)");
        assertThat(log.indexOf("Connection leak")).isEqualTo(log.lastIndexOf("Connection leak")).as("reported once");
    }

    private static Connection leakOne(Engine e) {
        Connection c = e.connect(); // never closed here: the leak
        c.execute(text("SELECT 1")).all();
        return c;
    }

    @BackendTest
    void faultSilentServerFailsTheCheckoutWithinConnectTimeout(Backend backend) throws Exception {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no network connection");
        SilentServer silent = new SilentServer();
        Engine e = backend.newEngineAt(silent.port(), o -> o.connectTimeout(Duration.ofMillis(800)));
        try {
            long t0 = System.nanoTime();
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(e::connect).isInstanceOf(OperationalError.class));
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000L);
        } finally {
            silent.close();
            e.close();
        }
    }
}
