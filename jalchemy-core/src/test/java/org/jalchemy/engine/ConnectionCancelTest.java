package org.jalchemy.engine;

import org.jalchemy.exc.OperationalError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/**
 * {@link Connection#cancel()} from another thread: the running statement is interrupted with an
 * OperationalError on every backend, the transaction is doomed until rollback, and the connection
 * goes back to the pool healthy.
 */
class ConnectionCancelTest {

    private static Engine onePhysicalConnection(Backend backend) {
        return backend.newEngine(o -> o.poolSize(1).maxOverflow(0).poolTimeout(Duration.ofSeconds(10)));
    }

    @BackendTest
    void cancelInterruptsTheRunningStatementAndDoomsTheTransaction(Backend backend) throws Exception {
        Db.dropTables(backend.engine(), "cx_items");
        Db.exec(backend.engine(), "CREATE TABLE cx_items (id INTEGER PRIMARY KEY, name VARCHAR(20))");
        try (Engine engine = onePhysicalConnection(backend)) {
            Connection c = engine.connect();
            try {
                c.execute(text("INSERT INTO cx_items (id, name) VALUES (1, 'doomed')"));
                long t0 = System.nanoTime();
                CompletableFuture<Object> slow = CompletableFuture.supplyAsync(
                        () -> c.execute(text(Db.slowQuery(backend))).scalar(), r -> Thread.ofVirtual().start(r));
                Thread.sleep(300);                                  // let it start
                c.cancel();
                assertThatThrownBy(() -> slow.get(20, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(OperationalError.class);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("interrupted, not run to its end")
                        .isLessThan(Duration.ofSeconds(15));
                assertThat(c.isCancelled()).isTrue();
                assertThatThrownBy(() -> c.execute(text("SELECT 1"))).isInstanceOf(OperationalError.class)
                        .hasMessageContaining("cancel");
                assertThatThrownBy(c::commit).isInstanceOf(OperationalError.class).hasMessageContaining("roll it back");
                c.rollback();
                assertThat(c.isCancelled()).isFalse();
                assertThat(((Number) c.execute(text("SELECT 1")).scalar()).intValue()).isEqualTo(1);
            } finally {
                c.close();
            }
            try (Connection again = engine.connect()) {         // the same physical connection, healthy
                again.execute(text("INSERT INTO cx_items (id, name) VALUES (2, 'kept')"));
                again.commit();
                assertThat(again.execute(text("SELECT name FROM cx_items ORDER BY id")).scalars().all())
                        .as("the cancelled transaction's row was rolled back").containsExactly("kept");
            }
        } finally {
            Db.dropTables(backend.engine(), "cx_items");
        }
    }

    @BackendTest
    void cancelStopsAStreamingResult(Backend backend) throws Exception {
        String series = backend.isPostgresql() ? "SELECT x FROM generate_series(1, 5000000) AS s(x)"
                : backend.isMariadb() ? "SELECT seq FROM seq_1_to_5000000"
                : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000) SELECT x FROM c";
        try (Engine engine = onePhysicalConnection(backend); Connection c = engine.connect()) {
            Result r = c.execute(text(series)).yieldPer(100);
            var rows = r.iterator();
            assertThat(rows.next()).isNotNull();
            c.cancel();
            int after = 0;
            try {
                while (rows.hasNext() && after < 5_000_000) {
                    rows.next();
                    after++;
                }
                throw new AssertionError("the stream went on to its end after cancel(): " + after + " rows");
            } catch (OperationalError expected) {
                assertThat(after).as("rows already fetched before the cancel").isLessThan(100_000);
            }
            c.rollback();
            assertThat(((Number) c.execute(text("SELECT 2")).scalar()).intValue()).isEqualTo(2);
        }
    }

    @BackendTest
    void cancelWithNothingRunningDoomsOnlyUntilRollback(Backend backend) {
        try (Engine engine = onePhysicalConnection(backend); Connection c = engine.connect()) {
            c.execute(text("SELECT 1")).scalar();
            c.cancel();
            assertThatThrownBy(c::commit).isInstanceOf(OperationalError.class);
            c.rollback();
            c.execute(text("SELECT 1")).scalar();
            c.commit();
            c.close();
            c.cancel();                                        // closed: nothing to do
        }
    }
}
