package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.Post_;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.User_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.orm.Orm.table;
import static org.jalchemy.sql.Sql.and;
import static org.jalchemy.sql.Sql.desc;
import static org.jalchemy.sql.Sql.func;

/** 2.0-style ORM selects: entities through the identity map, entities with columns, joins, aggregates. */
class OrmSelectTest {

    private static SessionFactory seeded(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
        SessionFactory factory = SessionFactory.bind(engine);
        factory.inTransaction(s -> {
            for (int i = 1; i <= 40; i++) {
                s.add(new User(i % 10 == 0 ? "Carlos" + i : "user" + i, "u" + i + "@example.com"));
            }
        });
        factory.inTransaction(s -> {
            User u1 = s.query(User.class).filterBy("username", "user1").one();
            User u2 = s.query(User.class).filterBy("username", "user2").one();
            s.add(new Post("a", null, u1.id));
            s.add(new Post("b", null, u1.id));
            s.add(new Post("c", null, u2.id));
        });
        return factory;
    }

    @BackendTest
    void selectEntitiesWithWhereOrderByLimitOffset(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open()) {
            // tag::select[]
            List<User> users = session.scalars(
                            select(User.class).where(and(User_.username.startsWith("Carlos"), User_.id.gt(5)))
                                    .orderBy(desc(User_.id)).limit(2).offset(1)).all();
            // end::select[]
            assertThat(users).extracting(u -> u.username).containsExactly("Carlos30", "Carlos20");
            User again = session.scalars(select(User.class).where(User_.username.eq("Carlos30"))).one();
            assertThat(again).as("identity map").isSameAs(users.get(0));
            User none = session.scalars(select(User.class).where(User_.username.eq("nobody"))).oneOrNone();
            assertThat(none).isNull();
        }
    }

    /**
     * MariaDB streams an entity SELECT only while the result is drained; objects handed out one
     * at a time (an iterator) or a list at a time ({@code partitions}) come from rows the driver
     * holds in memory, so pausing longer than the server's {@code net_write_timeout} between them
     * keeps the connection (the Core test shows the same pause drops a stream).
     */
    @BackendTest
    void anApplicationThatPausesBetweenObjectsKeepsItsConnection(Backend backend) throws Exception {
        if (!backend.isMariadb()) {
            return; // only MariaDB's driver is given a fetch size to drain with
        }
        SessionFactory factory = seeded(backend);
        try (var c = factory.engine().connect()) {
            c.execute(org.jalchemy.sql.Sql.text("INSERT INTO posts (title, content, user_id) "
                    + "SELECT CONCAT('w', seq), REPEAT('x', 2000), 1 FROM seq_1_to_16000")); // 32 MB of rows
            c.commit();
        }
        try (Session session = factory.open()) {
            session.connection().execute(org.jalchemy.sql.Sql.text("SET SESSION net_write_timeout = 1"));
            int n = 0;
            for (Post p : session.scalars(select(Post.class).orderBy(Post_.id))) {
                if (n++ == 0) {
                    Thread.sleep(3000);
                }
            }
            assertThat(n).isEqualTo(16003);
            session.connection().execute(org.jalchemy.sql.Sql.text("SET SESSION net_write_timeout = DEFAULT"));
        }
        try (Session session = factory.open()) {
            session.connection().execute(org.jalchemy.sql.Sql.text("SET SESSION net_write_timeout = 1"));
            int n = 0;
            for (List<OrmResult.OrmRow> part : session.execute(select(Post.class).orderBy(Post_.id)).partitions(1000)) {
                if (n == 0) {
                    Thread.sleep(3000);
                }
                n += part.size();
            }
            assertThat(n).isEqualTo(16003);
            session.connection().execute(org.jalchemy.sql.Sql.text("SET SESSION net_write_timeout = DEFAULT"));
        }
    }

    @BackendTest
    void aggregatesScalarsAndLegacyFilter(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open()) {
            long total = session.execute(select(func.count(User_.id))).scalarOne();
            assertThat(total).isEqualTo(40);
            Number max = session.scalar(select(func.max(User_.id)));
            assertThat(max.intValue()).isGreaterThanOrEqualTo(40);
            assertThat(session.query(User.class).filter(User_.id.le(3)).orderBy(User_.id).all())
                    .extracting(u -> u.username).containsExactly("user1", "user2", "user3");
            assertThat(session.query(User.class).filter(User_.username.like("Carlos%")).count()).isEqualTo(4);
            // autoflush: a pending object is visible to the next select
            session.add(new User("Carlos99", "c99@example.com"));
            assertThat(session.query(User.class).filter(User_.username.like("Carlos%")).count()).isEqualTo(5);
        }
    }

    @BackendTest
    void entitiesAndColumnsTogetherAndJoins(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open()) {
            // tag::join[]
            List<OrmResult.OrmRow> rows = session.execute(select(User.class, Post.class)
                            .join(table(Post.class), User_.id.eq(Post_.userId))
                            .orderBy(Post_.title))
                    .all();
            for (OrmResult.OrmRow row : rows) {
                System.out.println(row.get(User.class).username + " " + row.get(Post.class).title);
            }
            // end::join[]
            assertThat(rows).hasSize(3);
            List<String> seen = new java.util.ArrayList<>();
            for (var row : session.execute(select(User.class, Post.class).join(table(Post.class), User_.id.eq(Post_.userId))
                    .orderBy(Post_.title))) {
                seen.add(row.get(Post.class).title);
            }
            assertThat(seen).containsExactly("a", "b", "c");
            assertThat(rows).extracting(r -> r.get(User.class).username + " " + r.get(Post.class).title)
                    .containsExactly("user1 a", "user1 b", "user2 c");
            assertThat(rows.get(0).get(User.class)).isSameAs(rows.get(1).get(User.class));

            List<OrmResult.OrmRow> mixed = session.execute(select(User.class, User_.email)
                    .where(User_.username.eq("user3"))).all();
            assertThat(mixed).singleElement().satisfies(r -> {
                assertThat(r.get(User.class).username).isEqualTo("user3");
                assertThat(r.get(1)).isEqualTo("u3@example.com");
            });
        }
    }
}
