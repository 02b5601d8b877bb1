package org.jalchemy.engine;

import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.ResourceClosedError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/** Autobegin, commit, rollback, SAVEPOINTs and reset-on-return, on every backend. */
class TransactionTest {

    private static Engine fresh(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "tx_items");
        Db.exec(e, "CREATE TABLE tx_items (id INTEGER PRIMARY KEY, name VARCHAR(50))");
        return e;
    }

    @BackendTest
    void commitPersistsAndRollbackDiscards(Backend backend) {
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (:id, :name)"), Map.of("id", 1, "name", "kept"));
            assertThat(c.inTransaction()).isTrue();
            c.commit();
            assertThat(c.inTransaction()).isFalse();
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (:id, :name)"), Map.of("id", 2, "name", "dropped"));
            c.rollback();
        }
        assertThat(Db.count(e, "tx_items")).isEqualTo(1);
    }

    @BackendTest
    void closingWithoutCommitRollsBackBeforeReturningToThePool(Backend backend) {
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (1, 'x')"));
        }
        assertThat(Db.count(e, "tx_items")).isZero();
        try (Connection c = e.begin()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (2, 'y')"));
            // no commit: begin() without commit() rolls back on close
        }
        assertThat(Db.count(e, "tx_items")).isZero();
        try (Connection c = e.begin()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (3, 'z')"));
            c.commit();
        }
        assertThat(Db.count(e, "tx_items")).isEqualTo(1);
    }

    @BackendTest
    void rawJdbcWorkAfterACommitIsStillResetOnReturn(Backend backend) throws Exception {
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (1, 'kept')"));
            c.commit();
            try (var st = c.jdbc().createStatement()) {
                st.executeUpdate("INSERT INTO tx_items (id, name) VALUES (2, 'raw')");
            }
        }
        assertThat(Db.count(e, "tx_items")).as("only the committed row").isEqualTo(1);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (3, 'rolled back')"));
            c.rollback();
        }
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (4, 'committed')"));
            c.commit();
        }
        assertThat(Db.count(e, "tx_items")).isEqualTo(2);
    }

    @BackendTest
    void transactionHandleWithTryWithResources(Backend backend) {
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            try (Transaction tx = c.begin()) {
                c.execute(text("INSERT INTO tx_items (id, name) VALUES (1, 'a')"));
                tx.commit();
                assertThat(tx.isActive()).isFalse();
            }
            try (Transaction tx = c.begin()) {
                c.execute(text("INSERT INTO tx_items (id, name) VALUES (2, 'b')"));
                assertThat(tx.isActive()).isTrue();
            } // closed while active: rolled back
            c.commit();
        }
        assertThat(Db.count(e, "tx_items")).isEqualTo(1);
    }

    @BackendTest
    void engineTransactionCommitsOnReturnAndRollsBackOnException(Backend backend) {
        Engine e = fresh(backend);
        e.inTransaction(c -> c.execute(text("INSERT INTO tx_items (id, name) VALUES (1, 'a')")));
        assertThatThrownBy(() -> e.inTransaction(c -> {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (2, 'b')"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(Db.count(e, "tx_items")).isEqualTo(1);
        long n = e.transaction(c -> ((Number) c.execute(text("SELECT COUNT(*) FROM tx_items")).scalarOne()).longValue());
        assertThat(n).isEqualTo(1);
    }

    @BackendTest
    void nestedSavepointsRollBackOnlyTheirOwnWork(Backend backend) {
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (1, 'outer')"));
            Transaction sp1 = c.beginNested();
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (2, 'sp1')"));
            Transaction sp2 = c.beginNested();
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (3, 'sp2')"));
            assertThat(c.inNestedTransaction()).isTrue();
            sp2.rollback();
            assertThat(sp2.isActive()).isFalse();
            sp1.commit();
            try (Transaction sp3 = c.beginNested()) {
                c.execute(text("INSERT INTO tx_items (id, name) VALUES (4, 'sp3')"));
            } // rolled back to sp3 on close
            c.commit();
        }
        try (Connection c = e.connect()) {
            var ids = c.execute(text("SELECT id FROM tx_items ORDER BY id")).scalars();
            assertThat(ids).extracting(o -> ((Number) o).intValue()).containsExactly(1, 2);
        }
    }

    @BackendTest
    void savepointRecoversFromAFailedStatement(Backend backend) {
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (1, 'a')"));
            Transaction sp = c.beginNested();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO tx_items (id, name) VALUES (1, 'dup')")))
                    .isInstanceOf(org.jalchemy.exc.IntegrityError.class);
            sp.rollback();
            c.execute(text("INSERT INTO tx_items (id, name) VALUES (2, 'b')"));
            c.commit();
        }
        assertThat(Db.count(e, "tx_items")).isEqualTo(2);
    }

    @BackendTest
    void misuseRaisesClearErrors(Backend backend) {
        Engine e = fresh(backend);
        Connection c = e.connect();
        c.begin();
        assertThatThrownBy(c::begin).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("already begun").hasMessageContaining("beginNested");
        c.close();
        c.close(); // idempotent
        assertThatThrownBy(() -> c.execute(text("SELECT 1"))).isInstanceOf(ResourceClosedError.class)
                .hasMessageContaining("closed");
        Connection d = e.connect();
        Transaction tx = d.begin();
        tx.commit();
        assertThatThrownBy(tx::commit).isInstanceOf(InvalidRequestError.class).hasMessageContaining("inactive");
        d.close();
    }

    @BackendTest
    void autocommitIsolationLevelCommitsEachStatement(Backend backend) {
        Db.dropTables(backend.engine(), "tx_items");
        Db.exec(backend.engine(), "CREATE TABLE tx_items (id INTEGER PRIMARY KEY, name VARCHAR(50))");
        try (Engine e = backend.newEngine(o -> o.isolationLevel(IsolationLevel.AUTOCOMMIT))) {
            try (Connection c = e.connect()) {
                c.execute(text("INSERT INTO tx_items (id, name) VALUES (1, 'auto')"));
                c.rollback(); // nothing to roll back: already committed
            }
        }
        assertThat(Db.count(backend.engine(), "tx_items")).isEqualTo(1);
    }

    @BackendTest
    void isolationLevelIsAppliedToConnections(Backend backend) {
        try (Engine e = backend.newEngine(o -> o.isolationLevel(IsolationLevel.SERIALIZABLE));
             Connection c = e.connect()) {
            assertThat(c.jdbc().getTransactionIsolation()).isEqualTo(java.sql.Connection.TRANSACTION_SERIALIZABLE);
        } catch (java.sql.SQLException ex) {
            throw new AssertionError(ex);
        }
    }
}
