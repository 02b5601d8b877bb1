package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;
import org.jalchemy.exc.NoSuchColumnError;
import org.jalchemy.exc.ResourceClosedError;
import org.jalchemy.orm.model.Account;
import org.jalchemy.orm.model.Enrollment;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.User_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/** The session's object state machine, identity map, dirty tracking, expiry and transactions, on every backend. */
class SessionStateTest {

    private static SessionFactory users(Backend backend) {
        return SessionFactory.bind(OrmTesting.fresh(backend, Registry.of(User.class, Post.class)));
    }

    @BackendTest
    void aTransactionBlockClosedWithoutCommitRollsBackAndWarnsWhatItDiscarded(Backend backend) {
        SessionFactory factory = users(backend);
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true));
        try {
            try (Session session = factory.open()) {
                try (SessionTransaction tx = session.begin()) {
                    session.add(new User("ann", "ann@example.com"));
                    session.add(new User("bob", "bob@example.com"));
                    session.flush();
                    session.add(new User("cy", "cy@example.com"));
                } // no commit(): rolled back
                try (SessionTransaction tx = session.begin()) { // read-only: nothing discarded, nothing logged
                    session.query(User.class).count();
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString()).containsOnlyOnce("WARN")
                .contains("Session transaction closed without commit(): rolled back, discarding 3 changes "
                        + "(2 written by flushes; not flushed: 1 new, 0 modified, 0 deleted)")
                .contains("inTransaction(session -> ...)");
        assertThat(Db.count(factory.engine(), "users")).isZero();
        // tag::in-transaction[]
        factory.inTransaction(session -> session.add(new User("dan", "dan@example.com"))); // commits on return
        // end::in-transaction[]
        assertThat(Db.count(factory.engine(), "users")).isEqualTo(1);
    }

    @BackendTest
    void transientPendingPersistentDeletedDetached(Backend backend) {
        SessionFactory factory = users(backend);
        User ana = new User("ana", "ana@example.com");
        try (Session s = factory.open()) {
            assertThat(s.inspect(ana).state()).isEqualTo(ObjectState.TRANSIENT);
            s.add(ana);
            InstanceState st = s.inspect(ana);
            assertThat(st.state()).isEqualTo(ObjectState.PENDING);
            assertThat(s.newObjects()).containsExactly(ana);
            s.flush();
            assertThat(st.state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(st.identity()).isEqualTo(ana.id);
            s.delete(ana);
            assertThat(st.isMarkedForDeletion()).isTrue();
            assertThat(s.deletedObjects()).containsExactly(ana);
            s.flush();
            assertThat(st.state()).isEqualTo(ObjectState.DELETED);
            s.commit();
            assertThat(st.state()).isEqualTo(ObjectState.DETACHED);
            assertThat(s.contains(ana)).isFalse();
        }
    }

    @BackendTest
    void closeDetachesAndExpungeRemoves(Backend backend) {
        SessionFactory factory = users(backend);
        User ana = new User("ana", "ana@example.com");
        User bob = new User("bob", "bob@example.com");
        InstanceState anaState;
        InstanceState bobState;
        try (Session s = factory.open()) {
            s.addAll(List.of(ana, bob));
            s.commit();
            anaState = s.inspect(ana);
            bobState = s.inspect(bob);
            s.expunge(bob);
            assertThat(bobState.state()).isEqualTo(ObjectState.DETACHED);
            User pending = new User("p", "p@example.com");
            s.add(pending);
            s.expunge(pending);
            assertThat(s.inspect(pending).state()).isEqualTo(ObjectState.TRANSIENT);
            assertThatThrownBy(() -> s.refresh(bob)).isInstanceOf(DetachedInstanceError.class)
                    .hasMessageContaining("Cannot refresh User(id=" + bob.id + "): the instance is not in this session");
        }
        assertThat(anaState.state()).isEqualTo(ObjectState.DETACHED);
        assertThat(anaState.session()).isNull();
        InstanceState pendingAtClose;
        try (Session s = factory.open()) {
            s.add(new User("never", "never@example.com"));
            pendingAtClose = s.inspect(s.newObjects().get(0));
        }
        assertThat(pendingAtClose.state()).as("close() expunges pending objects").isEqualTo(ObjectState.TRANSIENT);
        assertThat(Db.count(factory.engine(), "users")).as("and writes nothing").isEqualTo(2);
        Session closed = factory.open();
        closed.close();
        assertThatThrownBy(() -> closed.add(ana)).isInstanceOf(ResourceClosedError.class)
                .hasMessageContaining("This Session is closed");
        // a detached object comes back through merge()
        try (Session s = factory.open()) {
            ana.email = "ana@new.example.com";
            User merged = s.merge(ana);
            assertThat(merged).isNotSameAs(ana);
            assertThat(merged.email).isEqualTo("ana@new.example.com");
            assertThat(s.dirtyObjects()).containsExactly(merged);
            s.commit();
        }
        try (Session s = factory.open()) {
            assertThat(s.get(User.class, ana.id).orElseThrow().email).isEqualTo("ana@new.example.com");
        }
    }

    @BackendTest
    void identityMapReturnsTheSameObjectAndGetHitsIssueNoSql(Backend backend) {
        SessionFactory factory = users(backend);
        factory.inTransaction(s -> s.add(new User("ana", "ana@example.com")));
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(factory.engine())) {
            User a = s.query(User.class).filterBy(User_.username, "ana").one();
            User b = s.query(User.class).filterBy("email", "ana@example.com").one();
            assertThat(a).isSameAs(b);
            int before = stmts.count();
            assertThat(s.get(User.class, a.id)).containsSame(a);
            assertThat(s.get(User.class, (long) a.id)).as("keys are normalised").containsSame(a);
            assertThat(stmts.count()).as("identity-map hits issue no SQL").isEqualTo(before);
            assertThat(s.get(User.class, -1)).isEmpty();
            assertThat(s.identityMapSize()).isEqualTo(1);
        }
    }

    @BackendTest
    void dirtyTrackingUpdatesOnlyChangedColumnsAndUnchangedObjectsIssueNothing(Backend backend) {
        SessionFactory factory = users(backend);
        factory.inTransaction(s -> {
            s.add(new User("ana", "ana@example.com"));
            s.add(new User("bob", "bob@example.com"));
        });
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(factory.engine())) {
            List<User> all = s.query(User.class).orderBy("id").all();
            stmts.clear();
            s.commit();
            assertThat(stmts.count()).as("nothing changed, nothing written").isZero();
            all.get(0).email = "ana@changed.example.com";
            assertThat(s.inspect(all.get(0)).modifiedAttributes()).containsExactly("email");
            s.commit();
            assertThat(stmts.matching("UPDATE")).singleElement().satisfies(sql -> {
                assertThat(sql).contains("email");
                assertThat(sql).doesNotContain("username");
            });
        }
        assertThat(Db.count(factory.engine(), "users")).isEqualTo(2);
    }

    @BackendTest
    void rollbackExpungesPendingRestoresDeletedAndExpiresPersistent(Backend backend) {
        SessionFactory factory = users(backend);
        factory.inTransaction(s -> s.add(new User("ana", "ana@example.com")));
        try (Session s = factory.open()) {
            User ana = s.query(User.class).one();
            User flushed = new User("bob", "bob@example.com");
            User pending = new User("eva", "eva@example.com");
            s.add(flushed);
            s.flush();
            InstanceState flushedState = s.inspect(flushed);
            s.add(pending);
            InstanceState pendingState = s.inspect(pending);
            s.delete(ana);
            s.flush();
            assertThat(s.inspect(ana).state()).isEqualTo(ObjectState.DELETED);
            ana.username = "changed in memory";
            s.rollback();
            assertThat(flushedState.state()).isEqualTo(ObjectState.TRANSIENT);
            assertThat(pendingState.state()).isEqualTo(ObjectState.TRANSIENT);
            InstanceState st = s.inspect(ana);
            assertThat(st.state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(st.isExpired()).isTrue();
            // the next time the session meets the row, the expired object is reloaded
            assertThat(s.get(User.class, ana.id)).containsSame(ana);
            assertThat(ana.username).isEqualTo("ana");
            assertThat(st.isExpired()).isFalse();
        }
        assertThat(Db.count(factory.engine(), "users")).isEqualTo(1);
    }

    @BackendTest
    void expireOnCommitRefreshAndObjectDeletedError(Backend backend) {
        SessionFactory factory = users(backend);
        try (Session s = factory.open()) {
            User ana = new User("ana", "ana@example.com");
            s.add(ana);
            s.commit();
            assertThat(s.inspect(ana).isExpired()).isTrue();
            Db.exec(factory.engine(), "UPDATE users SET email = 'elsewhere@example.com'");
            assertThat(s.query(User.class).one()).isSameAs(ana);
            assertThat(ana.email).as("expired objects are overwritten when their row is loaded")
                    .isEqualTo("elsewhere@example.com");
            ana.email = "local@example.com";
            s.refresh(ana);
            assertThat(ana.email).isEqualTo("elsewhere@example.com");
            s.expire(ana);
            assertThat(s.inspect(ana).isExpired()).isTrue();
            s.commit();
            Db.exec(factory.engine(), "DELETE FROM users");
            assertThatThrownBy(() -> s.refresh(ana)).isInstanceOf(ObjectDeletedError.class)
                    .hasMessageContaining("Instance User(id=" + ana.id + ") has been deleted");
            assertThat(s.contains(ana)).isFalse();
        }
        SessionFactory keep = SessionFactory.builder(factory.engine()).expireOnCommit(false).build();
        try (Session s = keep.open()) {
            User bob = new User("bob", "bob@example.com");
            s.add(bob);
            s.commit();
            assertThat(s.inspect(bob).isExpired()).isFalse();
        }
    }

    @BackendTest
    void beginNestedRollsBackToTheSavepoint(Backend backend) {
        SessionFactory factory = users(backend);
        try (Session s = factory.open()) {
            User ana = new User("ana", "ana@example.com");
            s.add(ana);
            try (SessionTransaction sp = s.beginNested()) {
                assertThat(s.inNestedTransaction()).isTrue();
                assertThat(s.inspect(ana).state()).as("beginNested flushes first").isEqualTo(ObjectState.PERSISTENT);
                User bob = new User("bob", "bob@example.com");
                s.add(bob);
                s.flush();
                InstanceState bobState = s.inspect(bob);
                sp.rollback();
                assertThat(bobState.state()).isEqualTo(ObjectState.TRANSIENT);
                assertThat(s.contains(bob)).isFalse();
                assertThat(s.inspect(ana).state()).isEqualTo(ObjectState.PERSISTENT);
            }
            SessionTransaction sp2 = s.beginNested();
            s.add(new User("eva", "eva@example.com"));
            sp2.commit();
            assertThatThrownBy(s::begin).isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("A transaction is already begun on this Session");
            s.commit();
        }
        try (Session s = factory.open()) {
            assertThat(s.query(User.class).orderBy("username").all()).extracting(u -> u.username)
                    .containsExactly("ana", "eva");
        }
    }

    @BackendTest
    void autoflushBeforeQueriesAndNoAutoflush(Backend backend) {
        SessionFactory factory = users(backend);
        try (Session s = factory.open()) {
            s.add(new User("ana", "ana@example.com"));
            assertThat(s.query(User.class).count()).as("autoflush").isEqualTo(1);
            s.add(new User("bob", "bob@example.com"));
            long seen = s.noAutoflush(() -> s.query(User.class).count());
            assertThat(seen).isEqualTo(1);
            assertThat(s.newObjects()).hasSize(1);
            assertThat(s.query(User.class).count()).isEqualTo(2);
        }
        SessionFactory manual = SessionFactory.builder(factory.engine()).autoflush(false).build();
        try (Session s = manual.open()) {
            s.add(new User("eva", "eva@example.com"));
            assertThat(s.query(User.class).count()).isZero();
        }
    }

    @BackendTest
    void legacyQueryMethods(Backend backend) {
        SessionFactory factory = users(backend);
        factory.inTransaction(s -> {
            for (String n : List.of("ana", "bob", "carla", "dan")) {
                s.add(new User(n, n + "@example.com"));
            }
        });
        try (Session s = factory.open()) {
            assertThat(s.query(User.class).orderByDesc(User_.username).limit(2).all()).extracting(u -> u.username)
                    .containsExactly("dan", "carla");
            assertThat(s.query(User.class).orderBy("username").offset(1).limit(2).all()).extracting(u -> u.username)
                    .containsExactly("bob", "carla");
            assertThat(s.query(User.class).orderBy("username").offset(3).all()).extracting(u -> u.username)
                    .containsExactly("dan");
            assertThat(s.query(User.class).filterBy(Map.of("username", "bob")).count()).isEqualTo(1);
            assertThat(s.query(User.class).filterBy("email", null).all()).isEmpty();
            assertThatThrownBy(() -> s.query(User.class).one()).isInstanceOf(MultipleResultsFound.class)
                    .hasMessageContaining("Multiple User rows");
            assertThatThrownBy(() -> s.query(User.class).filterBy("username", "zoe").one())
                    .isInstanceOf(NoResultFound.class).hasMessageContaining("No User was found").hasMessageContaining("username=zoe");
            assertThat(s.query(User.class).filterBy("username", "zoe").oneOrNone()).isNull();
            assertThatThrownBy(() -> s.query(User.class).filterBy("nombre", "x"))
                    .isInstanceOf(NoSuchColumnError.class).hasMessageContaining("Entity User has no attribute 'nombre'");
            User bob = s.query(User.class).filterBy("username", "bob").one();
            assertThat(s.query(User.class).get(bob.id)).containsSame(bob);
        }
    }

    @BackendTest
    void optimisticLockingRaisesStaleDataError(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(Account.class));
        SessionFactory factory = SessionFactory.bind(engine);
        Account acc = new Account("ana", new BigDecimal("10.50"));
        acc.opened = LocalDate.of(2024, 2, 29);
        factory.inTransaction(s -> s.add(acc));
        assertThat(acc.version).isEqualTo(1);
        try (Session s = factory.open()) {
            Account mine = s.get(Account.class, acc.id).orElseThrow();
            assertThat(mine.tier).as("server default read back").isEqualTo("basic");
            assertThat(mine.opened).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(mine.balance).isEqualByComparingTo("10.50");
            mine.balance = new BigDecimal("20.00");
            s.commit();
            assertThat(mine.version).isEqualTo(2);
            // someone else updates the row behind our back
            try (var c = engine.connect()) {
                c.execute(text("UPDATE orm_accounts SET version = version + 1"));
                c.commit();
            }
            mine.balance = new BigDecimal("30.00");
            assertThatThrownBy(s::commit).isInstanceOf(StaleDataError.class)
                    .hasMessageContaining("UPDATE statement on table 'orm_accounts' expected to match 1 row(s); 0 matched, "
                            + "for Account(id=" + acc.id + ")");
            // the session is usable once the failed transaction is rolled back: reload and retry
            s.rollback();
            Account again = s.get(Account.class, acc.id).orElseThrow();
            assertThat(again).isSameAs(mine);
            assertThat(again.version).isEqualTo(3);
            again.balance = new BigDecimal("30.00");
            s.commit();
        }
        try (Session s = factory.open()) {
            assertThat(s.get(Account.class, acc.id).orElseThrow().balance).isEqualByComparingTo("30.00");
        }
    }

    @BackendTest
    void compositeKeysAndAttachingDeletes(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(Enrollment.class));
        SessionFactory factory = SessionFactory.bind(engine);
        factory.inTransaction(s -> s.addAll(List.of(new Enrollment(1, "math", 7), new Enrollment(1, "art", 9),
                new Enrollment(2, "math", 5))));
        try (Session s = factory.open()) {
            Enrollment e = s.get(Enrollment.class, new Object[]{1, "art"}).orElseThrow();
            assertThat(e.grade).isEqualTo(9);
            e.grade = 10;
            s.delete(new Enrollment(2, "math", null)); // detached-by-key: attached, then deleted
            s.commit();
        }
        try (Session s = factory.open()) {
            assertThat(s.query(Enrollment.class).count()).isEqualTo(2);
            assertThat(s.get(Enrollment.class, List.of(1, "art")).orElseThrow().grade).isEqualTo(10);
            assertThat(s.get(Enrollment.class, List.of(1, "math"))).isPresent();
            s.add(new Enrollment(1, "math", 0));
            assertThatThrownBy(s::flush).isInstanceOf(FlushError.class)
                    .hasMessageContaining("New instance Enrollment(studentId=1, course=math) conflicts");
        }
    }

    @BackendTest
    void invalidOperationsNameTheObject(Backend backend) {
        SessionFactory factory = users(backend);
        try (Session s = factory.open()) {
            User pending = new User("p", "p@example.com");
            assertThatThrownBy(() -> s.delete(pending)).isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("User(<no identity>) is not persisted");
            s.add(pending);
            assertThatThrownBy(() -> s.delete(pending)).hasMessageContaining("is pending, not persisted");
            assertThatThrownBy(() -> s.refresh(pending)).hasMessageContaining("it is pending, not persistent; flush() it first");
            s.commit();
            User clash = new User("q", "q@example.com");
            clash.id = pending.id;
            s.add(clash);
            InstanceState clashState = s.inspect(clash);
            assertThatThrownBy(s::flush).isInstanceOf(FlushError.class)
                    .hasMessageContaining("New instance User(id=" + pending.id + ") conflicts with the persistent instance");
            assertThat(clashState.state()).as("failed flush rolled back: pending expunged")
                    .isEqualTo(ObjectState.TRANSIENT);
        }
    }
}
