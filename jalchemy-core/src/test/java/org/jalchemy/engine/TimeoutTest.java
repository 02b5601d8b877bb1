package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.testing.FaultProxy;
import org.jalchemy.testing.SilentServer;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.jalchemy.sql.Sql.text;

/**
 * Nothing waits forever: connecting is bounded by connectTimeout (default poolTimeout) even when
 * the server accepts and never answers; statements by statementTimeout or a connection's
 * timeout(), both when the server is slow (it cancels the statement, the connection lives on) and
 * when it stops answering (the socket read times out, the connection is discarded); lock waits by
 * lockTimeout. Every wait in these tests is bounded by assertTimeoutPreemptively, so a regression
 * fails instead of hanging the build.
 */
class TimeoutTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    private static void requireServer(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no network connection");
    }

    /** A statement that runs for about {@code seconds} seconds (far longer on SQLite). */
    private static String slowSql(Backend backend, int seconds) {
        if (backend.isPostgresql()) {
            return "SELECT pg_sleep(" + seconds + ")";
        }
        if (backend.isMariadb()) {
            return "SELECT SLEEP(" + seconds + ")";
        }
        return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM "
                + "(SELECT x FROM c LIMIT 2000000000)";
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @BackendTest
    void connectingToAServerThatNeverAnswersFailsWithinPoolTimeout(Backend backend) throws Exception {
        requireServer(backend);
        SilentServer silent = new SilentServer();
        Engine e = backend.newEngineAt(silent.port(), o -> o.poolTimeout(Duration.ofSeconds(1)));
        try {
            long t0 = System.nanoTime();
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(e::connect)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("Could not connect")
                    .satisfies(ex -> assertThat(((DBAPIError) ex).retryable()).isTrue()));
            assertThat(millisSince(t0)).as("connectTimeout defaults to poolTimeout (1 s)").isLessThan(5_000);
            assertThat(silent.acceptedCount()).isPositive();
        } finally {
            silent.close(); // first: a connect still stuck on it (a regression) then fails instead of hanging dispose()
            e.close();
        }
    }

    @BackendTest
    void connectTimeoutBoundsConnectingOnItsOwn(Backend backend) throws Exception {
        requireServer(backend);
        SilentServer silent = new SilentServer();
        Engine e = backend.newEngineAt(silent.port(),
                o -> o.poolTimeout(Duration.ofSeconds(30)).connectTimeout(Duration.ofMillis(700)));
        try {
            long t0 = System.nanoTime();
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(e::connect).isInstanceOf(OperationalError.class));
            assertThat(millisSince(t0)).isLessThan(5_000);
        } finally {
            silent.close();
            e.close();
        }
    }

    @BackendTest
    void statementTimeoutCancelsASlowStatementAndTheConnectionLivesOn(Backend backend) {
        try (Engine e = backend.newEngine(o -> o.statementTimeout(Duration.ofSeconds(1)))) {
            assertTimeoutPreemptively(BOUND, () -> {
                try (Connection c = e.connect()) {
                    long t0 = System.nanoTime();
                    assertThatThrownBy(() -> c.execute(text(slowSql(backend, 5))).all())
                            .isInstanceOf(OperationalError.class)
                            .satisfies(ex -> assertThat(((DBAPIError) ex).connectionInvalidated()).isFalse());
                    assertThat(millisSince(t0)).isBetween(500L, 4_000L);
                    c.rollback();
                    assertThat(((Number) c.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
                    assertThat(c.isInvalidated()).isFalse();
                }
            });
        }
    }

    @BackendTest
    void aConnectionsTimeoutBoundsItsStatementsUntilReset(Backend backend) {
        try (Engine e = backend.newEngine(o -> o)) {
            assertTimeoutPreemptively(BOUND, () -> {
                try (Connection c = e.connect()) {
                    c.timeout(Duration.ofSeconds(1));
                    long t0 = System.nanoTime();
                    assertThatThrownBy(() -> c.execute(text(slowSql(backend, 5))).all())
                            .isInstanceOf(OperationalError.class);
                    assertThat(millisSince(t0)).isBetween(500L, 4_000L);
                    c.rollback();
                    c.timeout(null);
                    assertThat(((Number) c.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
                }
            });
        }
    }

    @BackendTest
    void aServerThatStopsAnsweringMidSessionCostsStatementTimeoutPlusConnectTimeout(Backend backend) {
        requireServer(backend);
        try (FaultProxy proxy = backend.proxy();
             Engine e = backend.newEngineAt(proxy.port(), o -> o.poolSize(1).maxOverflow(1)
                     .statementTimeout(Duration.ofSeconds(1)).connectTimeout(Duration.ofSeconds(1)))) {
            assertTimeoutPreemptively(BOUND, () -> {
                Connection c = e.connect();
                assertThat(((Number) c.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
                proxy.mode(FaultProxy.Mode.FREEZE);
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> c.execute(text("SELECT 2")))
                        .isInstanceOf(OperationalError.class)
                        .hasMessageContaining("no answer from the server")
                        .satisfies(ex -> assertThat(((DBAPIError) ex).connectionInvalidated()).isTrue());
                assertThat(millisSince(t0)).as("1 s statementTimeout + 1 s connectTimeout").isBetween(1_500L, 6_000L);
                proxy.mode(FaultProxy.Mode.FORWARD);
                c.rollback();
                assertThat(((Number) c.execute(text("SELECT 3")).scalarOne()).intValue()).isEqualTo(3);
                c.close();
            });
        }
    }

    @BackendTest
    void aConnectionsTimeoutAlsoBoundsASilentServer(Backend backend) {
        requireServer(backend);
        try (FaultProxy proxy = backend.proxy();
             Engine e = backend.newEngineAt(proxy.port(), o -> o.poolSize(1).maxOverflow(1)
                     .connectTimeout(Duration.ofSeconds(1)))) {
            assertTimeoutPreemptively(BOUND, () -> {
                Connection c = e.connect();
                c.timeout(Duration.ofSeconds(1));
                c.execute(text("SELECT 1")).all();
                proxy.mode(FaultProxy.Mode.FREEZE);
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> c.execute(text("SELECT 2"))).isInstanceOf(OperationalError.class);
                assertThat(millisSince(t0)).isLessThan(6_000L);
                proxy.mode(FaultProxy.Mode.FORWARD);
                c.close();
            });
        }
    }

    @BackendTest
    void aTimeoutCannotLengthenOneTheServerEnforces(Backend backend) {
        requireServer(backend);
        try (Engine e = backend.newEngine(o -> o.statementTimeout(Duration.ofSeconds(2)));
             Connection c = e.connect()) {
            c.execute(text("SELECT 1")).all();
            assertThatThrownBy(() -> c.timeout(Duration.ofSeconds(10))).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("would lengthen the engine's statementTimeout");
            c.timeout(Duration.ofSeconds(1)); // shortening is fine
        }
    }

    @BackendTest
    void lockTimeoutBoundsWaitingForAnotherTransactionsLock(Backend backend) {
        Db.dropTables(backend.engine(), "to_locks");
        Db.exec(backend.engine(), "CREATE TABLE to_locks (id INTEGER PRIMARY KEY, n INTEGER)",
                "INSERT INTO to_locks (id, n) VALUES (1, 0)");
        try (Engine e = backend.newEngine(o -> o.lockTimeout(Duration.ofMillis(600)))) {
            assertTimeoutPreemptively(BOUND, () -> {
                try (Connection holder = e.connect(); Connection waiter = e.connect()) {
                    holder.execute(text("UPDATE to_locks SET n = n + 1 WHERE id = 1"));
                    long t0 = System.nanoTime();
                    assertThatThrownBy(() -> waiter.execute(text("UPDATE to_locks SET n = n + 1 WHERE id = 1")))
                            .isInstanceOf(OperationalError.class);
                    assertThat(millisSince(t0)).isBetween(400L, 4_000L);
                    waiter.rollback();
                    holder.commit();
                }
            });
        }
    }
}
