package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.Post_;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.User_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.orm.Orm.delete;
import static org.jalchemy.orm.Orm.insert;
import static org.jalchemy.orm.Orm.update;

/** ORM-enabled bulk INSERT / UPDATE / DELETE and how they synchronise the session. */
class BulkTest {

    @BackendTest
    void bulkInsertUpdateDeleteAndSessionSynchronisation(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session s = factory.open()) {
            List<Map<String, ?>> rows = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                rows.add(Map.of("username", "u" + i, "email", "u" + i + "@example.com"));
            }
            s.execute(insert(User.class), rows);
            assertThat(s.identityMapSize()).as("bulk insert creates no objects").isZero();
            User u1 = s.query(User.class).filterBy("username", "u1").one();
            s.execute(insert(Post.class), List.of(Map.of("title", "t", "userId", u1.id))); // attribute key → user_id
            assertThat(s.query(Post.class).filter(Post_.userId.eq(u1.id)).count()).isEqualTo(1);

            long n = s.execute(update(User.class).where(User_.username.eq("u1")).set(User_.email, "new@example.com"))
                    .rowcount();
            assertThat(n).isEqualTo(1);
            assertThat(s.inspect(u1).isExpired()).isTrue();
            assertThat(s.get(User.class, u1.id)).containsSame(u1);
            assertThat(u1.email).as("reloaded after the bulk update").isEqualTo("new@example.com");

            User u2 = s.query(User.class).filterBy("username", "u2").one();
            s.execute(delete(User.class).where(User_.username.eq("u2")));
            assertThat(s.get(User.class, u2.id)).as("the deleted row drops its object").isEmpty();
            assertThat(s.contains(u2)).isFalse();
            s.commit();
        }
        assertThat(Db.count(engine, "users")).isEqualTo(99);
    }

    @BackendTest
    void bulkInsertReturningEntities(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        org.junit.jupiter.api.Assumptions.assumeTrue(engine.dialect().supportsReturning(),
                "INSERT ... RETURNING needs a dialect with RETURNING");
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session s = factory.open()) {
            List<Map<String, ?>> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rows.add(Map.of("username", "r" + i, "email", "r" + i + "@example.com"));
            }
            List<User> users = s.insertReturning(insert(User.class).returning(Orm.table(User.class)), rows)
                    .scalars(User.class).all();
            assertThat(users).extracting(u -> u.username).containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4");
            assertThat(users).allSatisfy(u -> {
                assertThat(u.id).isNotNull();
                assertThat(s.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
            });
            assertThat(s.get(User.class, users.get(0).id)).containsSame(users.get(0));
            s.commit();
        }
        assertThat(Db.count(engine, "users")).isEqualTo(5);
    }
}
