package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.orm.relmodel.Comment;
import org.jalchemy.orm.relmodel.Comment_;
import org.jalchemy.orm.relmodel.Post;
import org.jalchemy.orm.relmodel.Post_;
import org.jalchemy.orm.relmodel.User;
import org.jalchemy.orm.relmodel.User_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.joinedload;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.selectinload;
import static org.jalchemy.sql.Sql.text;

/**
 * What layers that run a session on threads of their own (jalchemy-async) rely on: lazy loads
 * through a {@link LazyLoadExecutor}, results buffered for other threads, partitions that hydrate
 * a list at a time, and {@link Session#cancel()} from another thread. On every backend.
 */
class SessionThreadingTest {

    /** {@code users} users with two posts each; the first post of each has one comment. */
    private static SessionFactory seeded(Backend backend, int users) {
        Engine engine = RelationshipTest.fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            for (int i = 1; i <= users; i++) {
                User u = new User(String.format("user%04d", i));
                Post first = new Post("a" + i);
                first.comments.add(new Comment("c" + i));
                u.posts.add(first);
                u.posts.add(new Post("b" + i));
                session.add(u);
            }
            session.commit();
        }
        return factory;
    }

    @BackendTest
    void lazyLoadsRunThroughTheSessionsExecutor(Backend backend) throws Exception {
        SessionFactory factory = seeded(backend, 3);
        ExecutorService sessionThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "session-thread"));
        List<String> ranOn = new ArrayList<>();
        try (Session session = factory.open()) {
            session.lazyLoadExecutor(load -> {
                try {
                    sessionThread.submit(() -> {
                        ranOn.add(Thread.currentThread().getName());
                        load.run();
                    }).get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw (RuntimeException) e.getCause();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            User user = session.scalars(select(User.class).where(User_.name.eq("user0002"))).one();
            assertThat(ranOn).as("nothing loaded yet").isEmpty();
            assertThat(user.posts).extracting(p -> p.title).containsExactly("a2", "b2"); // lazy collection
            assertThat(ranOn).containsExactly("session-thread");
            Comment comment = user.posts.get(0).comments.get(0);                        // second lazy load
            assertThat(comment.post.get()).as("set from the collection").isSameAs(user.posts.get(0));
            assertThat(ranOn).hasSize(2);
            Comment another = session.scalars(select(Comment.class).where(Comment_.body.eq("c3"))).one();
            assertThat(another.post.isLoaded()).isFalse();
            assertThat(another.post.get().title).isEqualTo("a3");                      // Ref: third lazy load
            assertThat(ranOn).hasSize(3).containsOnly("session-thread");
            user.posts.size();
            another.post.get();
            assertThat(ranOn).as("each loaded once").hasSize(3);

            User other = session.get(User.class, user.id + 1).orElseThrow();
            session.close();
            assertThatThrownBy(() -> other.posts.size()).isInstanceOf(DetachedInstanceError.class)
                    .hasMessageContaining("User.posts");
        } finally {
            sessionThread.shutdownNow();
        }
    }

    @BackendTest
    void aLoadQueuedBehindCloseRaisesDetachedInstanceError(Backend backend) {
        SessionFactory factory = seeded(backend, 1);
        Session session = factory.open();
        // an executor that closes the session before running the load: the load must see it
        session.lazyLoadExecutor(load -> {
            session.close();
            load.run();
        });
        User user = session.get(User.class, 1).orElseThrow();
        assertThatThrownBy(() -> user.posts.size()).isInstanceOf(DetachedInstanceError.class)
                .hasMessageContaining("lazy load of attribute 'User.posts'");
    }

    @BackendTest
    void bufferedResultsAreReadOnAnyThreadAfterTheSessionMovedOn(Backend backend) throws Exception {
        SessionFactory factory = seeded(backend, 5);
        OrmResult buffered;
        try (Session session = factory.open()) {
            buffered = session.execute(select(User.class).options(selectinload(User_.posts)).orderBy(User_.id))
                    .buffered();
            assertThat(buffered.buffered()).isSameAs(buffered);
            session.commit();
        }
        CompletableFuture<List<String>> titles = CompletableFuture.supplyAsync(() -> {
            List<User> users = buffered.scalars(User.class).all();
            return users.stream().flatMap(u -> u.posts.stream()).map(p -> p.title).toList();
        }, r -> Thread.ofVirtual().start(r));
        assertThat(titles.get(10, TimeUnit.SECONDS)).hasSize(10).startsWith("a1", "b1");
    }

    @BackendTest
    void partitionsHydrateAListAtATimeAndLoadEachListsRelationships(Backend backend) {
        SessionFactory factory = seeded(backend, 250);
        try (Session session = factory.open(); var statements = new OrmTesting.Statements(factory.engine())) {
            List<Integer> sizes = new ArrayList<>();
            int posts = 0;
            for (List<OrmResult.OrmRow> part : session.execute(select(User.class).options(selectinload(User_.posts))
                    .orderBy(User_.id).yieldPer(100)).partitions(100)) {
                sizes.add(part.size());
                int loadedBefore = statements.count();
                for (OrmResult.OrmRow row : part) {
                    posts += row.get(User.class).posts.size();
                }
                assertThat(statements.count()).as("the list's posts were loaded with it").isEqualTo(loadedBefore);
            }
            assertThat(sizes).containsExactly(100, 100, 50);
            assertThat(posts).isEqualTo(500);
            assertThat(statements.matching("SELECT")).as("one SELECT of users, one IN query per list").hasSize(4);
            assertThatThrownBy(() -> session.execute(select(Post.class).options(joinedload(Post_.comments)))
                    .partitions(10)).isInstanceOf(InvalidRequestError.class).hasMessageContaining("selectinload");
        }
    }

    @BackendTest
    void cancelFromAnotherThreadDoomsTheTransactionUntilRollback(Backend backend) throws Exception {
        SessionFactory factory = seeded(backend, 1);
        try (Session session = factory.open()) {
            session.add(new User("doomed"));
            session.flush();
            long t0 = System.nanoTime();
            CompletableFuture<Object> slow = CompletableFuture.supplyAsync(
                    () -> session.execute(text(Db.slowQuery(backend))).scalar(), r -> Thread.ofVirtual().start(r));
            Thread.sleep(300);
            session.cancel();
            assertThatThrownBy(() -> slow.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(OperationalError.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
            assertThatThrownBy(session::commit).isInstanceOf(OperationalError.class);
            session.rollback();
            assertThat(session.scalars(select(User.class).orderBy(User_.id)).all())
                    .extracting(u -> ((User) u).name).as("the doomed user was rolled back").containsExactly("user0001");

            session.rollback();
            session.cancel();                       // no transaction: the next one is doomed until rollback
            session.add(new User("also doomed"));
            assertThatThrownBy(session::commit).isInstanceOf(OperationalError.class);
            session.rollback();
            session.add(new User("kept"));
            session.commit();
        }
        try (Session session = factory.open()) {
            assertThat(session.scalars(select(User.class).orderBy(User_.id)).all())
                    .extracting(u -> ((User) u).name).containsExactly("user0001", "kept");
        }
    }
}
