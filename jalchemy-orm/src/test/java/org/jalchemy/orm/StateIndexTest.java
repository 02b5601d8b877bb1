package org.jalchemy.orm;

import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.User;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.select;

/**
 * The session's object → state lookups ({@code contains}, {@code inspect}, {@code add},
 * {@code delete}, {@code expunge}) answer by object identity in every case the {@link StateIndex}
 * distinguishes: found through the identity map by key, and the cases that need its full index
 * (pending objects, keys changed in memory, flushed deletions, removals and compaction).
 */
class StateIndexTest {

    private static SessionFactory users(Backend backend, int n) {
        SessionFactory f = SessionFactory.bind(OrmTesting.fresh(backend, Registry.of(User.class, Post.class)));
        f.inTransaction(s -> {
            for (int i = 0; i < n; i++) {
                s.add(new User("u" + i, "u" + i + "@example.com"));
            }
        });
        return f;
    }

    @BackendTest
    void loadedObjectsAreFoundByIdentityNotByKey(Backend backend) {
        SessionFactory factory = users(backend, 3);
        List<User> elsewhere;
        try (Session other = factory.open()) {
            elsewhere = other.scalars(select(User.class)).all();
        }
        try (Session s = factory.open()) {
            List<User> loaded = s.scalars(select(User.class)).all();
            for (User u : loaded) {
                assertThat(s.contains(u)).isTrue();
                assertThat(s.inspect(u).state()).isEqualTo(ObjectState.PERSISTENT);
            }
            User copy = elsewhere.get(0); // same key, another object
            assertThat(s.contains(copy)).isFalse();
            assertThat(s.inspect(copy).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(s.inspect(copy).session()).isNull();
            assertThatThrownBy(() -> s.delete(copy)).isInstanceOf(org.jalchemy.exc.InvalidRequestError.class)
                    .hasMessageContaining("already holds another object");
            assertThatThrownBy(() -> s.expunge(copy)).isInstanceOf(DetachedInstanceError.class);
        }
    }

    @BackendTest
    void aKeyChangedInMemoryDoesNotHideTheObject(Backend backend) {
        SessionFactory factory = users(backend, 3);
        try (Session s = factory.open()) {
            List<User> loaded = s.scalars(select(User.class)).all();
            User moved = loaded.get(1);
            InstanceState st = s.inspect(moved);
            moved.id = 1_000_000; // not flushed: the identity map still has the old key
            assertThat(s.contains(moved)).isTrue();
            assertThat(s.inspect(moved)).isSameAs(st);
            s.add(moved);
            assertThat(s.newObjects()).as("add() of an object the session holds is a no-op").isEmpty();
            moved.id = null;
            assertThat(s.contains(moved)).isTrue();
            s.expunge(moved);
            assertThat(st.state()).isEqualTo(ObjectState.DETACHED);
            assertThat(s.contains(moved)).isFalse();
            assertThat(s.contains(loaded.get(0))).isTrue();
            assertThat(s.contains(loaded.get(2))).isTrue();
        }
    }

    @BackendTest
    void pendingDeletedAndNewObjectsAmongLoadedOnes(Backend backend) {
        SessionFactory factory = users(backend, 5);
        try (Session s = factory.open()) {
            List<User> loaded = s.scalars(select(User.class)).all();
            User fresh = new User("fresh", "fresh@example.com");
            s.add(fresh);
            assertThat(s.inspect(fresh).state()).isEqualTo(ObjectState.PENDING);
            assertThat(s.contains(loaded.get(0))).isTrue();
            s.delete(loaded.get(0));
            s.flush();
            assertThat(s.inspect(fresh).state()).isEqualTo(ObjectState.PERSISTENT);
            assertThat(s.contains(loaded.get(0))).as("deleted, flushed, not committed").isTrue();
            assertThat(s.inspect(loaded.get(0)).state()).isEqualTo(ObjectState.DELETED);
            s.commit();
            assertThat(s.contains(loaded.get(0))).isFalse();
            assertThat(s.inspect(loaded.get(0)).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(s.contains(fresh)).isTrue();
            assertThat(s.identityMapSize()).isEqualTo(5);
        }
    }

    @BackendTest
    void aFailureInALaterMapperLeavesEveryNewObjectTransient(Backend backend) {
        SessionFactory factory = users(backend, 0);
        try (Session s = factory.open()) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                users.add(new User("u" + i, "u" + i + "@example.com"));
            }
            Post orphan = new Post("orphan", "no such user", 999_999);
            orphan.id = 1;
            s.addAll(users);
            s.add(orphan);
            List<InstanceState> states = users.stream().map(s::inspect).toList();
            // users are INSERTed first (posts depend on them) and succeed; the post then fails
            assertThatThrownBy(s::commit).isInstanceOf(org.jalchemy.exc.IntegrityError.class);
            assertThat(s.newObjects()).isEmpty();
            for (User u : users) {
                assertThat(s.contains(u)).isFalse();
            }
            assertThat(states).allSatisfy(st -> assertThat(st.state()).isEqualTo(ObjectState.TRANSIENT));
            assertThat(s.identityMapSize()).isZero();
            s.rollback(); // the failed transaction waits for its rollback
            orphan.userId = null;
            users.forEach(u -> u.id = null);
            s.addAll(users);
            assertThat(s.newObjects()).containsExactlyElementsOf(users);
            s.commit();
            assertThat(s.identityMapSize()).isEqualTo(100);
        }
        try (Session s = factory.open()) {
            assertThat(s.query(User.class).count()).isEqualTo(100);
        }
    }

    @BackendTest
    void manyRemovalsCompactTheIndexWithoutLosingObjects(Backend backend) {
        SessionFactory factory = users(backend, 300);
        try (Session s = factory.open()) {
            List<User> loaded = s.scalars(select(User.class)).all();
            List<User> kept = new ArrayList<>();
            for (int i = 0; i < loaded.size(); i++) {
                if (i % 5 == 0) {
                    kept.add(loaded.get(i));
                } else {
                    s.expunge(loaded.get(i));
                }
            }
            List<User> added = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                User u = new User("n" + i, "n" + i + "@example.com");
                added.add(u);
                s.add(u);
            }
            for (int i = 0; i < 50; i++) {
                s.expunge(added.get(i));
            }
            for (User u : kept) {
                assertThat(s.contains(u)).isTrue();
            }
            for (int i = 0; i < loaded.size(); i++) {
                assertThat(s.contains(loaded.get(i))).isEqualTo(i % 5 == 0);
            }
            for (int i = 0; i < added.size(); i++) {
                assertThat(s.contains(added.get(i))).isEqualTo(i >= 50);
            }
            kept.get(0).email = "changed@example.com";
            assertThat(s.dirtyObjects()).containsExactly(kept.get(0));
            assertThat(s.newObjects()).containsExactlyElementsOf(added.subList(50, 100));
            s.commit();
            assertThat(s.identityMapSize()).isEqualTo(kept.size() + 50);
        }
        try (Session s = factory.open()) {
            assertThat(s.query(User.class).count()).isEqualTo(350);
            assertThat(s.query(User.class).filterBy("email", "changed@example.com").count()).isEqualTo(1);
        }
    }
}
