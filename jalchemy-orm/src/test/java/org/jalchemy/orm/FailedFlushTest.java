package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.PendingRollbackError;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.User;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/**
 * A failed flush rolls the transaction back in the database, so the session refuses to go on as
 * if nothing happened: commit, flush and queries raise PendingRollbackError until rollback()
 * (SQLAlchemy's semantics). Objects inserted in the rolled-back transaction are transient again.
 */
class FailedFlushTest {

    private static SessionFactory users(Backend backend) {
        return SessionFactory.bind(OrmTesting.fresh(backend, Registry.of(User.class, Post.class)));
    }

    @BackendTest
    void commitAfterAFailedFlushRaisesPendingRollbackErrorInsteadOfLosingEarlierWork(Backend backend) {
        SessionFactory factory = users(backend);
        try (Session s = factory.open()) {
            User a1 = new User("a1", "a1@example.com");
            s.add(a1);
            s.flush();
            User x = new User("x", "x@example.com");
            User y = new User("y", "y@example.com");
            x.id = 1000;
            y.id = 1000;
            s.add(x);
            s.add(y);
            assertThatThrownBy(s::flush).isInstanceOf(FlushError.class);
            assertThatThrownBy(s::commit)
                    .isInstanceOf(PendingRollbackError.class)
                    .hasMessageContaining("rolled back")
                    .hasMessageContaining("rollback()")
                    .hasCauseInstanceOf(FlushError.class);
            assertThatThrownBy(s::flush).isInstanceOf(PendingRollbackError.class);
            assertThatThrownBy(() -> s.query(User.class).all()).isInstanceOf(PendingRollbackError.class);
            assertThatThrownBy(() -> s.execute(text("SELECT 1"))).isInstanceOf(PendingRollbackError.class);
            assertThat(s.inspect(a1).state()).as("a1's INSERT was rolled back").isEqualTo(ObjectState.TRANSIENT);
            s.rollback();
            assertThat(s.inspect(a1).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(s.inspect(x).state()).isEqualTo(ObjectState.TRANSIENT);
            s.add(new User("b", "b@example.com"));
            s.commit();
        }
        assertThat(Db.count(factory.engine(), "users")).as("a1 was never committed; b was").isEqualTo(1);
    }

    @BackendTest
    void databaseErrorDuringFlushAlsoNeedsRollback(Backend backend) {
        SessionFactory factory = users(backend);
        try (Session s = factory.open()) {
            s.add(new User("ana", "ana@example.com"));
            s.flush();
            s.add(new User("ana", "other@example.com")); // unique username
            assertThatThrownBy(s::flush).isInstanceOf(IntegrityError.class);
            assertThatThrownBy(s::commit).isInstanceOf(PendingRollbackError.class)
                    .hasCauseInstanceOf(IntegrityError.class);
            s.rollback();
            s.add(new User("bob", "bob@example.com"));
            s.commit();
        }
        assertThat(Db.count(factory.engine(), "users")).isEqualTo(1);
    }

    @BackendTest
    void failedFlushInsideASavepointNeedsOnlyThatSavepointRolledBack(Backend backend) {
        SessionFactory factory = users(backend);
        try (Session s = factory.open()) {
            User ana = new User("ana", "ana@example.com");
            s.add(ana);
            s.flush();
            SessionTransaction sp = s.beginNested();
            User dup = new User("ana", "dup@example.com");
            s.add(dup);
            assertThatThrownBy(s::flush).isInstanceOf(IntegrityError.class);
            assertThatThrownBy(s::commit).isInstanceOf(PendingRollbackError.class);
            assertThatThrownBy(sp::commit).isInstanceOf(PendingRollbackError.class);
            sp.rollback();
            assertThat(s.inspect(dup).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(s.inspect(ana).state()).isEqualTo(ObjectState.PERSISTENT);
            s.commit();
        }
        assertThat(Db.count(factory.engine(), "users")).isEqualTo(1);
    }

    @BackendTest
    void transactionHelperRollsBackAFailedFlushAndRethrows(Backend backend) {
        SessionFactory factory = users(backend);
        assertThatThrownBy(() -> factory.inTransaction(s -> {
            s.add(new User("ana", "ana@example.com"));
            s.flush();
            s.add(new User("ana", "dup@example.com"));
            s.flush();
        })).isInstanceOf(IntegrityError.class);
        factory.inTransaction(s -> s.add(new User("bob", "bob@example.com")));
        assertThat(Db.count(factory.engine(), "users")).isEqualTo(1);
    }

    @BackendTest
    void insertRolledBackByRollbackLeavesTheObjectTransient(Backend backend) {
        SessionFactory factory = users(backend);
        try (Session s = factory.open()) {
            User ana = new User("ana", "ana@example.com");
            s.add(ana);
            s.flush();
            assertThat(ana.id).isNotNull();
            s.rollback();
            assertThat(s.inspect(ana).state()).as("SQLAlchemy: a rolled-back INSERT makes the object transient")
                    .isEqualTo(ObjectState.TRANSIENT);
            assertThat(ana.id).as("attributes are left as they were").isNotNull();
            assertThat(s.contains(ana)).isFalse();
        }
    }

    @BackendTest
    void sessionRollbackAfterALostConnectionIsQuietAndTheSessionIsReusable(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server connection to lose");
        users(backend);
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(1))) {
            SessionFactory factory = SessionFactory.bind(e);
            try (Session s = factory.open()) {
                User ana = new User("ana", "ana@example.com");
                s.add(ana);
                s.flush();
                Object pid = s.connection().execute(text(backend.backendPidSql())).scalarOne();
                backend.killSession(pid);
                s.rollback();
                assertThat(s.inspect(ana).state()).isEqualTo(ObjectState.TRANSIENT);
                s.add(new User("bob", "bob@example.com"));
                s.commit();
            }
            try (Session s = factory.open()) {
                User carl = new User("carl", "carl@example.com");
                s.add(carl);
                s.flush();
                Object pid = s.connection().execute(text(backend.backendPidSql())).scalarOne();
                backend.killSession(pid);
                s.add(new User("dora", "dora@example.com"));
                assertThatThrownBy(s::flush).isInstanceOf(org.jalchemy.exc.OperationalError.class);
                assertThatThrownBy(s::commit).isInstanceOf(PendingRollbackError.class);
                s.rollback();
                s.add(new User("eve", "eve@example.com"));
                s.commit();
            }
        }
        assertThat(Db.count(backend.engine(), "users")).isEqualTo(2);
    }
}
