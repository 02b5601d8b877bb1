package org.jalchemy.orm;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.relmodel.Post;
import org.jalchemy.orm.relmodel.User;

import java.util.List;

/**
 * Child-JVM program of {@link LoggingWithoutProviderTest}: with echo on and an N+1 threshold of 3,
 * lazy-loads the posts of four users. Its class path has no SLF4J provider.
 */
public final class NoLoggingProviderMain {
    private NoLoggingProviderMain() {
    }

    public static void main(String[] args) {
        Registry registry = RelationshipTest.registry();
        try (Engine engine = Jalchemy.createEngine(args[0], o -> o.echo(true).poolSize(1))) {
            registry.metadata().dropAll(engine, true);
            registry.metadata().createAll(engine);
            SessionFactory factory = SessionFactory.builder(engine).warnOnNPlusOne(3).build();
            try (Session session = factory.open()) {
                for (int i = 1; i <= 4; i++) {
                    User u = new User("user" + i);
                    u.posts.add(new Post("p" + i));
                    session.add(u);
                }
                session.commit();
            }
            try (Session session = factory.open()) {
                List<User> users = session.scalars(Orm.select(User.class)).all();
                for (User u : users) {
                    u.posts.size();
                }
            }
            registry.metadata().dropAll(engine, true);
        }
    }
}
