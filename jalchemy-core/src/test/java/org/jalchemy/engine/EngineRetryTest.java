package org.jalchemy.engine;

import org.jalchemy.exc.CommitOutcomeUnknownError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.testing.FaultProxy;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/**
 * engine.runTransaction against real failures: a connection killed before COMMIT is retried on a
 * fresh connection; a COMMIT whose answer is lost is retried only when the work is declared
 * idempotent, and then the idempotent insert keeps the row single.
 */
class EngineRetryTest {
    private static final RetryPolicy QUICK = RetryPolicy.builder().maxAttempts(5)
            .backoff(Duration.ofMillis(5), Duration.ofMillis(50)).build();

    private static String insertOnce(Backend backend) {
        return backend.isMariadb() ? "INSERT IGNORE INTO er_rows (id) VALUES (:id)"
                : "INSERT INTO er_rows (id) VALUES (:id) ON CONFLICT DO NOTHING";
    }

    @BackendTest
    void aConnectionKilledBeforeCommitIsRetriedOnAFreshOne(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server session to kill");
        Db.dropTables(backend.engine(), "er_rows");
        Db.exec(backend.engine(), "CREATE TABLE er_rows (id INTEGER PRIMARY KEY)");
        AtomicInteger attempts = new AtomicInteger();
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(1))) {
            int n = e.runTransaction(c -> {
                c.execute(text("INSERT INTO er_rows (id) VALUES (:id)"), Map.of("id", 1));
                if (attempts.incrementAndGet() == 1) {
                    backend.killSession(c.execute(text(backend.backendPidSql())).scalarOne());
                }
                c.execute(text("INSERT INTO er_rows (id) VALUES (:id)"), Map.of("id", 2));
                return attempts.get();
            }, QUICK);
            assertThat(n).isEqualTo(2);
        }
        assertThat(Db.count(backend.engine(), "er_rows")).isEqualTo(2);
    }

    /**
     * Issue 21: another client (an Alembic migration of a SQLAlchemy application) alters a table
     * whose SELECT pgjdbc has prepared on the server; the next run fails once with "cached plan must
     * not change result type", and runTransaction runs the work again, which then succeeds.
     */
    @BackendTest
    void aStalePreparedPlanAfterAnotherClientAltersTheTableIsRetried(Backend backend) {
        Assumptions.assumeTrue(backend.isPostgresql(), "only pgjdbc keeps server-side plans across statements");
        Db.dropTables(backend.engine(), "er_plans");
        Db.exec(backend.engine(), "CREATE TABLE er_plans (id INTEGER PRIMARY KEY, v INTEGER)",
                "INSERT INTO er_plans VALUES (1, 7)");
        AtomicInteger attempts = new AtomicInteger();
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(0))) {
            for (int i = 0; i < 8; i++) { // past pgjdbc's prepareThreshold (5)
                e.runTransaction(c -> c.execute(text("SELECT * FROM er_plans WHERE id = :id"), Map.of("id", 1)).all(), QUICK);
            }
            Db.exec(backend.engine(), "ALTER TABLE er_plans ALTER COLUMN v TYPE BIGINT");
            Object v = e.runTransaction(c -> {
                attempts.incrementAndGet();
                return c.execute(text("SELECT * FROM er_plans WHERE id = :id"), Map.of("id", 1)).one().get("v");
            }, QUICK);
            assertThat(((Number) v).longValue()).isEqualTo(7L);
            assertThat(attempts.get()).isEqualTo(2);
        }
        Db.dropTables(backend.engine(), "er_plans");
    }

    @BackendTest
    void aCommitOfUnknownOutcomeIsRetriedOnlyWhenTheWorkIsIdempotent(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no connection to lose");
        Db.dropTables(backend.engine(), "er_rows");
        Db.exec(backend.engine(), "CREATE TABLE er_rows (id INTEGER PRIMARY KEY)");
        try (FaultProxy proxy = backend.proxy();
             Engine e = backend.newEngineAt(proxy.port(), o -> o.poolSize(1).maxOverflow(1))) {
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> e.runInTransaction(c -> {
                attempts.incrementAndGet();
                c.execute(text(insertOnce(backend)), Map.of("id", 1));
                proxy.mode(FaultProxy.Mode.CUT_ON_REPLY); // the COMMIT reaches the server, its answer does not
            }, QUICK)).isInstanceOf(CommitOutcomeUnknownError.class);
            assertThat(attempts.get()).as("not idempotent: never run twice").isEqualTo(1);
            proxy.mode(FaultProxy.Mode.FORWARD);

            attempts.set(0);
            RetryPolicy idempotent = RetryPolicy.builder().maxAttempts(5).backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                    .idempotent(true)
                    .listener((attempt, error, delay) -> proxy.mode(FaultProxy.Mode.FORWARD)) // one COMMIT is cut
                    .build();
            e.runInTransaction(c -> {
                c.execute(text(insertOnce(backend)), Map.of("id", 2)); // the second time: already there, does nothing
                if (attempts.incrementAndGet() == 1) {
                    proxy.mode(FaultProxy.Mode.CUT_ON_REPLY);
                }
            }, idempotent);
            assertThat(attempts.get()).isEqualTo(2);
        }
        assertThat(Db.count(backend.engine(), "er_rows")).as("row 1 from the cut COMMIT, row 2 once").isEqualTo(2);
    }
}
