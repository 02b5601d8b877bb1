package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.model.Enrollment;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.User;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit-of-work ordering, batching, generated keys and failures in the middle of a flush, on every backend. */
class FlushTest {

    private static List<User> users(int n, int duplicateAt) {
        List<User> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            int k = i == duplicateAt ? 1 : i;
            out.add(new User("user" + k, "user" + i + "@example.com"));
        }
        return out;
    }

    @BackendTest
    void constraintViolationOnThe500thOf1000InsertsLeavesNothingWrittenAndTheSessionUsable(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        // RETURNING pages, then the JDBC generated-keys batch of dialects without RETURNING (MySQL); sqlite-jdbc
        // returns generated keys for single-row executes only, and SQLite always has RETURNING, so it runs the first.
        boolean[] paths = backend.isSqlite() ? new boolean[]{true} : new boolean[]{true, false};
        for (boolean returning : paths) {
            SessionFactory factory = SessionFactory.builder(engine).insertReturning(returning).build();
            try (Session s = factory.open()) {
                List<User> batch = users(1000, 500); // the 500th repeats username "user1"
                s.addAll(batch);
                assertThatThrownBy(s::commit).isInstanceOf(IntegrityError.class)
                        .hasMessageContaining("INSERT of 1000 User row(s) into users");
                assertThat(Db.count(engine, "users")).as("nothing written").isZero();
                assertThat(s.newObjects()).as("pending objects were expunged").isEmpty();
                assertThat(s.contains(batch.get(0))).isFalse();
                // the failed transaction waits for its rollback (SQLAlchemy's PendingRollbackError)
                assertThat(s.inTransaction()).isTrue();
                assertThatThrownBy(s::commit).isInstanceOf(org.jalchemy.exc.PendingRollbackError.class);
                s.rollback();
                assertThat(s.inTransaction()).isFalse();
                // usable: fix the data and commit
                batch.get(499).username = "user500";
                s.addAll(batch);
                s.commit();
                assertThat(Db.count(engine, "users")).isEqualTo(1000);
                assertThat(batch.get(999).id).isNotNull();
                assertThat(batch.stream().map(u -> u.id).distinct().count()).isEqualTo(1000);
                // keys are matched to their objects
                User u777 = batch.get(776);
                try (Session check = factory.open()) {
                    assertThat(check.get(User.class, u777.id).orElseThrow().email).isEqualTo("user777@example.com");
                }
            }
            Db.exec(engine, "DELETE FROM users");
        }
    }

    @BackendTest
    void insertsAreBatchedAndGeneratedKeysComeBackInOneRoundTripPerPage(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(engine)) {
            s.addAll(users(1500, -1));
            s.flush();
            List<String> inserts = stmts.matching("INSERT");
            if (engine.dialect().supportsReturning()) {
                assertThat(inserts).as("pages of 1000 rows").hasSize(2);
                assertThat(inserts.get(0)).contains("RETURNING");
            } else {
                assertThat(inserts).hasSize(1);
            }
            s.commit();
        }
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(engine)) {
            List<User> all = s.query(User.class).all();
            for (User u : all) {
                u.email = "x" + u.email;
            }
            stmts.clear();
            s.flush();
            assertThat(stmts.matching("UPDATE")).as("one executemany of one shape").hasSize(1);
            assertThat(stmts.batchSizes).containsExactly(1500);
            for (User u : all.subList(0, 10)) {
                s.delete(u);
            }
            stmts.clear();
            s.flush();
            assertThat(stmts.matching("DELETE")).hasSize(1);
            assertThat(stmts.batchSizes).containsExactly(10);
            s.commit();
        }
        assertThat(Db.count(engine, "users")).isEqualTo(1490);
    }

    @BackendTest
    void givenKeysAreInsertedAsOneBatch(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(Enrollment.class));
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(engine)) {
            for (int i = 0; i < 50; i++) {
                s.add(new Enrollment(i, "c" + (i % 3), i));
            }
            s.commit();
            List<String> inserts = stmts.matching("INSERT");
            assertThat(inserts).hasSize(1);
            if (backend.isSqlite()) { // one multi-row VALUES statement (sqlite-jdbc steps a batch row by row)
                assertThat(inserts.get(0)).doesNotContain("RETURNING");
                assertThat(inserts.get(0).split("\\(\\?").length - 1).as("rows in the VALUES list").isEqualTo(50);
            } else {
                assertThat(stmts.batchSizes.get(0)).isEqualTo(50);
            }
        }
        assertThat(Db.count(engine, "orm_enrollments")).isEqualTo(50);
    }

    @BackendTest
    void manyGivenKeysAreInsertedInPagesInAddOrder(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(Enrollment.class));
        SessionFactory factory = SessionFactory.bind(engine);
        List<Enrollment> added = new java.util.ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            added.add(new Enrollment(i, "c" + (i % 3), i % 7 == 0 ? null : i));
        }
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(engine)) {
            s.addAll(added);
            s.commit();
            int statements = stmts.matching("INSERT").size();
            assertThat(statements).as("pages of 1000 rows on SQLite, one executemany elsewhere")
                    .isEqualTo(backend.isSqlite() ? 3 : 1);
        }
        try (Session s = factory.open()) {
            java.util.Map<Integer, Integer> grades = new java.util.HashMap<>();
            for (Enrollment e : s.query(Enrollment.class).all()) {
                grades.put(e.studentId, e.grade);
            }
            for (Enrollment e : added) {
                assertThat(grades).containsEntry(e.studentId, e.grade);
            }
        }
        assertThat(Db.count(engine, "orm_enrollments")).isEqualTo(2500);
    }

    @BackendTest
    void foreignKeyOrderAcrossMappers(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        SessionFactory factory = SessionFactory.bind(engine);
        User ana = new User("ana", "ana@example.com");
        ana.id = 42;
        Post post = new Post("hola", null, 42);
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(engine)) {
            s.add(post); // added first, but depends on users
            s.add(ana);
            s.commit();
            List<String> inserts = stmts.matching("INSERT");
            assertThat(inserts.get(0)).contains("users");
            assertThat(inserts.get(1)).contains("posts");
        }
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(engine)) {
            User u = s.get(User.class, 42).orElseThrow();
            Post p = s.query(Post.class).one();
            s.delete(u); // deleted before its post, but rows referencing it go first
            s.delete(p);
            s.commit();
            List<String> deletes = stmts.matching("DELETE");
            assertThat(deletes.get(0)).contains("posts");
            assertThat(deletes.get(1)).contains("users");
        }
    }

    @BackendTest
    void deleteAndAddWithTheSameKeyBecomesAnUpdate(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        SessionFactory factory = SessionFactory.bind(engine);
        User ana = new User("ana", "ana@example.com");
        factory.inTransaction(s -> s.add(ana));
        factory.inTransaction(s -> s.add(new Post("kept", null, ana.id)));
        try (Session s = factory.open(); var stmts = new OrmTesting.Statements(engine)) {
            User old = s.get(User.class, ana.id).orElseThrow();
            s.delete(old);
            User replacement = new User("ana2", "ana@example.com");
            replacement.id = ana.id;
            s.add(replacement);
            s.flush();
            assertThat(stmts.matching("INSERT")).isEmpty();
            assertThat(stmts.matching("DELETE")).isEmpty();
            assertThat(stmts.matching("UPDATE")).singleElement().satisfies(sql -> assertThat(sql).doesNotContain("email"));
            assertThat(s.inspect(old).state()).isEqualTo(ObjectState.DELETED);
            assertThat(s.get(User.class, ana.id)).containsSame(replacement);
            s.commit();
            assertThat(s.inspect(replacement).state()).isEqualTo(ObjectState.PERSISTENT);
        }
        try (Session s = factory.open()) {
            assertThat(s.get(User.class, ana.id).orElseThrow().username).isEqualTo("ana2");
            assertThat(s.query(Post.class).count()).as("rows referencing it survive").isEqualTo(1);
        }
    }

    @BackendTest
    void failureInANestedTransactionRollsBackOnlyTheSavepoint(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session s = factory.open()) {
            User ana = new User("ana", "ana@example.com");
            s.add(ana);
            SessionTransaction sp = s.beginNested();
            s.add(new User("ana", "dup@example.com"));
            assertThatThrownBy(s::flush).isInstanceOf(IntegrityError.class);
            assertThat(sp.isActive()).isFalse();
            assertThat(sp.isFailed()).isTrue();
            assertThat(s.inspect(ana).state()).isEqualTo(ObjectState.PERSISTENT);
            sp.rollback(); // ends the failed savepoint; the outer transaction goes on
            s.commit();
        }
        assertThat(Db.count(engine, "users")).isEqualTo(1);
    }
}
