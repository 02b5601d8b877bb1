package org.jalchemy.engine;

import org.jalchemy.exc.CommitOutcomeUnknownError;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.exc.PendingRollbackError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.jalchemy.testing.FaultProxy;
import org.junit.jupiter.api.Assumptions;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/**
 * What a Core connection does when its database connection dies under it: the statement that
 * finds out raises an invalidated OperationalError, further statements in that transaction raise
 * PendingRollbackError, {@code rollback()} succeeds quietly (the server rolled back already), and
 * the same Connection object reconnects on next use. A COMMIT whose answer is lost is reported as
 * CommitOutcomeUnknownError, because it may have been committed.
 */
class LostConnectionTest {

    private static void requireServer(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server connection to lose");
    }

    @BackendTest
    void rollbackAfterTheLostConnectionWasReportedIsQuietAndTheConnectionReconnects(Backend backend) {
        requireServer(backend);
        Db.dropTables(backend.engine(), "lc_items");
        Db.exec(backend.engine(), "CREATE TABLE lc_items (id INTEGER PRIMARY KEY)");
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(1))) {
            Connection c = e.connect();
            c.execute(text("INSERT INTO lc_items (id) VALUES (1)"));
            Object pid = c.execute(text(backend.backendPidSql())).scalarOne();
            backend.killSession(pid);
            assertThatThrownBy(() -> c.execute(text("SELECT 1")))
                    .isInstanceOf(OperationalError.class)
                    .satisfies(ex -> assertThat(((DBAPIError) ex).connectionInvalidated()).isTrue())
                    .hasMessageContaining("call rollback()");
            assertThatThrownBy(() -> c.execute(text("SELECT 1")))
                    .isInstanceOf(PendingRollbackError.class)
                    .hasMessageContaining("rollback()");
            assertThatThrownBy(c::commit).isInstanceOf(PendingRollbackError.class);
            c.rollback();
            assertThat(c.inTransaction()).isFalse();
            Object pid2 = c.execute(text(backend.backendPidSql())).scalarOne();
            assertThat(pid2).as("reconnected on next use").isNotEqualTo(pid);
            c.execute(text("INSERT INTO lc_items (id) VALUES (2)"));
            c.commit();
            c.close();
        }
        assertThat(Db.count(backend.engine(), "lc_items")).as("only the row committed after the reconnect").isEqualTo(1);
    }

    @BackendTest
    void rollbackOfAConnectionThatDiedUnnoticedIsQuiet(Backend backend) {
        requireServer(backend);
        Db.dropTables(backend.engine(), "lc_unnoticed");
        Db.exec(backend.engine(), "CREATE TABLE lc_unnoticed (id INTEGER PRIMARY KEY)");
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(1))) {
            Connection c = e.connect();
            c.execute(text("INSERT INTO lc_unnoticed (id) VALUES (1)")); // a real transaction for ROLLBACK to end
            Object pid = c.execute(text(backend.backendPidSql())).scalarOne();
            backend.killSession(pid);
            c.rollback(); // the ROLLBACK itself finds the connection dead
            assertThat(c.inTransaction()).isFalse();
            assertThat(((Number) c.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
            c.close();
            try (Connection again = e.connect()) {
                assertThat(((Number) again.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
            }
        }
    }

    @BackendTest
    void commitWhoseAnswerIsLostIsCommitOutcomeUnknown(Backend backend) {
        requireServer(backend);
        Db.dropTables(backend.engine(), "lc_commit");
        Db.exec(backend.engine(), "CREATE TABLE lc_commit (id INTEGER PRIMARY KEY)");
        try (FaultProxy proxy = backend.proxy();
             Engine e = backend.newEngineAt(proxy.port(), o -> o.poolSize(1).maxOverflow(1))) {
            Connection c = e.connect();
            c.execute(text("INSERT INTO lc_commit (id) VALUES (7)"));
            proxy.mode(FaultProxy.Mode.CUT_ON_REPLY);
            assertThatThrownBy(c::commit)
                    .isInstanceOf(CommitOutcomeUnknownError.class)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("may or may not have been committed")
                    .hasMessageNotContaining("roll back and retry")
                    .satisfies(ex -> assertThat(((DBAPIError) ex).connectionInvalidated()).isTrue());
            proxy.mode(FaultProxy.Mode.FORWARD);
            assertThat(Db.count(backend.engine(), "lc_commit"))
                    .as("the server did commit: the outcome really was unknown to the client").isEqualTo(1);
            c.rollback();
            assertThat(((Number) c.execute(text("SELECT count(*) FROM lc_commit")).scalarOne()).intValue()).isEqualTo(1);
            c.close();
        }
    }

    @BackendTest
    void engineTransactionWithALostCommitRaisesCommitOutcomeUnknown(Backend backend) {
        requireServer(backend);
        Db.dropTables(backend.engine(), "lc_commit2");
        Db.exec(backend.engine(), "CREATE TABLE lc_commit2 (id INTEGER PRIMARY KEY)");
        try (FaultProxy proxy = backend.proxy();
             Engine e = backend.newEngineAt(proxy.port(), o -> o.poolSize(1).maxOverflow(1))) {
            assertThatThrownBy(() -> e.inTransaction(c -> {
                c.execute(text("INSERT INTO lc_commit2 (id) VALUES (:id)"), Map.of("id", 1));
                proxy.mode(FaultProxy.Mode.CUT_ON_REPLY);
            })).isInstanceOf(CommitOutcomeUnknownError.class);
            proxy.mode(FaultProxy.Mode.FORWARD);
            e.inTransaction(c -> c.execute(text("INSERT INTO lc_commit2 (id) VALUES (:id)"), Map.of("id", 2)));
        }
        assertThat(Db.count(backend.engine(), "lc_commit2")).isEqualTo(2);
    }
}
