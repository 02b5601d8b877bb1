package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.User;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/**
 * An explicit key of 0 on an autoincrement column is stored as 0 on every backend: MariaDB would
 * otherwise replace it with the next AUTO_INCREMENT value while the object keeps 0 (jalchemy sets
 * NO_AUTO_VALUE_ON_ZERO for its sessions).
 */
class ExplicitZeroKeyTest {

    @BackendTest
    void anExplicitZeroKeyIsStoredAsZero(Backend backend) {
        SessionFactory factory = SessionFactory.bind(OrmTesting.fresh(backend, Registry.of(User.class, Post.class)));
        try (Session s = factory.open()) {
            User zero = new User("zero", "zero@example.com");
            zero.id = 0;
            s.add(zero);
            s.add(new User("auto", "auto@example.com"));
            s.commit();
            assertThat(zero.id).isZero();
        }
        try (Session s = factory.open()) {
            User zero = s.get(User.class, 0).orElseThrow();
            assertThat(zero.username).isEqualTo("zero");
            zero.username = "still zero";
            s.commit(); // an UPDATE ... WHERE id = 0 that finds its row (StaleDataError before)
            assertThat(s.query(User.class).filterBy("username", "auto").first().orElseThrow().id).isPositive();
        }
        try (Connection c = factory.engine().connect()) {
            assertThat(c.execute(text("SELECT username FROM users WHERE id = :id"), Map.of("id", 0)).scalarOne())
                    .isEqualTo("still zero");
        }
    }
}
