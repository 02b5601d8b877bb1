package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/**
 * Concurrent writers on one SQLite file: read-then-write transactions deadlock on the lock upgrade
 * in SQLite's default DEFERRED mode, and SQLite fails one side at once with SQLITE_BUSY (the busy
 * timeout cannot help there). With {@code transactionMode(IMMEDIATE)} the write lock is taken at
 * BEGIN and writers queue within {@code lockTimeout}: none fails.
 */
class SqliteWritersTest {
    private static final int WRITERS = 4;
    private static final int TRANSACTIONS = 40;

    /** Runs WRITERS threads of TRANSACTIONS read-then-write transactions; returns how many failed with BUSY. */
    private static int readThenWrite(Engine e) throws Exception {
        AtomicInteger busy = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < TRANSACTIONS; i++) {
                        try (Connection c = e.connect()) {
                            long n = ((Number) c.execute(text("SELECT count(*) FROM sw_rows")).scalarOne()).longValue();
                            c.execute(text("INSERT INTO sw_rows (writer, seq, seen) VALUES (:w, :s, :n)"),
                                    Map.of("w", writer, "s", i, "n", n));
                            c.commit();
                        } catch (OperationalError err) {
                            assertThat(err.retryable()).as("SQLITE_BUSY is declared retryable").isTrue();
                            busy.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        return busy.get();
    }

    @BackendTest
    void immediateTransactionsLetConcurrentWritersQueueInsteadOfFailing(Backend backend) throws Exception {
        Assumptions.assumeTrue(backend.isSqlite(), "transactionMode is SQLite's BEGIN mode");
        Db.dropTables(backend.engine(), "sw_rows");
        Db.exec(backend.engine(), "CREATE TABLE sw_rows (writer INTEGER, seq INTEGER, seen INTEGER, PRIMARY KEY (writer, seq))");
        int deferredBusy;
        try (Engine deferred = backend.newEngine(o -> o.poolSize(WRITERS).maxOverflow(0)
                .lockTimeout(Duration.ofSeconds(10)))) {
            deferredBusy = readThenWrite(deferred);
        }
        Db.exec(backend.engine(), "DELETE FROM sw_rows");
        int immediateBusy;
        try (Engine immediate = backend.newEngine(o -> o.poolSize(WRITERS).maxOverflow(0)
                .transactionMode(TransactionMode.IMMEDIATE).lockTimeout(Duration.ofSeconds(10)))) {
            immediateBusy = readThenWrite(immediate);
            // its idle pooled connections hold no lock: another writer is not blocked by them
            try (Engine other = backend.newEngine(o -> o.lockTimeout(Duration.ofMillis(300)));
                 Connection c = other.connect()) {
                c.execute(text("INSERT INTO sw_rows (writer, seq, seen) VALUES (99, 0, 0)"));
                c.commit();
                c.execute(text("DELETE FROM sw_rows WHERE writer = 99"));
                c.commit();
            }
        }
        System.out.printf("[sqlite writers] %d x %d read-then-write transactions: DEFERRED %d failed with SQLITE_BUSY,"
                + " IMMEDIATE %d%n", WRITERS, TRANSACTIONS, deferredBusy, immediateBusy);
        assertThat(immediateBusy).isZero();
        assertThat(Db.count(backend.engine(), "sw_rows")).isEqualTo(WRITERS * TRANSACTIONS);
    }

    @BackendTest
    void transactionModeIsRefusedWhereItMeansNothing(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite accepts every mode");
        assertThatThrownBy(() -> backend.newEngine(o -> o.transactionMode(TransactionMode.IMMEDIATE)))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("SQLite's BEGIN mode");
    }
}
