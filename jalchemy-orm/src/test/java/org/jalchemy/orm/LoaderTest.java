package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.relmodel.Comment;
import org.jalchemy.orm.relmodel.Comment_;
import org.jalchemy.orm.relmodel.Post;
import org.jalchemy.orm.relmodel.Post_;
import org.jalchemy.orm.relmodel.User;
import org.jalchemy.orm.relmodel.User_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.containsEager;
import static org.jalchemy.orm.Orm.joinedload;
import static org.jalchemy.orm.Orm.lazyload;
import static org.jalchemy.orm.Orm.noload;
import static org.jalchemy.orm.Orm.raiseload;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.selectinload;
import static org.jalchemy.orm.Orm.table;

/** Loader strategies and the statements each one issues (guide §6.4, §11.1), on every backend. */
class LoaderTest {
    private static final int USERS = 1000;

    /** 1000 users with two posts each; every post of user 1 has two comments. */
    private static SessionFactory seeded(Backend backend) {
        Engine engine = RelationshipTest.fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            for (int i = 1; i <= USERS; i++) {
                User u = new User(String.format("user%04d", i));
                u.posts.add(new Post("b" + i));
                u.posts.add(new Post("a" + i));
                session.add(u);
            }
            session.flush();
            User first = session.query(User.class).filterBy("name", "user0001").one();
            for (Post p : first.posts) {
                p.comments.add(new Comment("c1 " + p.title));
                p.comments.add(new Comment("c2 " + p.title));
            }
            session.commit();
        }
        return factory;
    }

    private static OrmTesting.Statements record(SessionFactory f) {
        return new OrmTesting.Statements(f.engine());
    }

    @BackendTest
    void selectinloadOfAThousandUsersIsTwoStatements(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::selectinload[]
            List<User> users = session.scalars(select(User.class).options(selectinload(User_.posts))).all();
            // end::selectinload[]
            assertThat(users).hasSize(USERS);
            int posts = 0;
            for (User u : users) {
                posts += u.posts.size();
                assertThat(u.posts.get(0).author).isSameAs(u);
            }
            assertThat(posts).isEqualTo(2 * USERS);
            assertThat(sql.count()).isEqualTo(2); // users, then posts WHERE user_id IN (up to 1000 keys)
        }
    }

    @BackendTest
    void joinedloadIsOneStatementWithParentsDeduplicated(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::joinedload[]
            List<User> users = session.scalars(select(User.class).options(joinedload(User_.posts))
                    .orderBy(User_.id)).all();
            // end::joinedload[]
            assertThat(users).hasSize(USERS).doesNotHaveDuplicates();
            assertThat(users.get(0).posts).extracting(p -> p.title).containsExactly("a1", "b1"); // orderBy = "title"
            assertThat(users).allSatisfy(u -> assertThat(u.posts).hasSize(2));
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql.get(0)).contains("LEFT OUTER JOIN");
        }
    }

    @BackendTest
    void lazyAccessOfOneCollectionIsOneStatement(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            List<User> users = session.scalars(select(User.class).where(User_.name.in("user0001", "user0002"))).all();
            assertThat(sql.count()).isEqualTo(1);
            assertThat(users.get(0).posts).hasSize(2);
            assertThat(sql.count()).isEqualTo(2);
            users.get(0).posts.size(); // loaded: no more SQL
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @BackendTest
    void nestedPathsLoadEachLevelOnce(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::nested[]
            List<User> users = session.scalars(select(User.class)
                            .options(selectinload(User_.posts).selectinload(Post_.comments))).all();
            // end::nested[]
            assertThat(users.get(0).posts.get(0).comments).hasSize(2);
            assertThat(users.get(5).posts.get(1).comments).isEmpty();
            assertThat(sql.count()).as("users; posts of 1000 users; comments of 2000 posts in two IN chunks").isEqualTo(4);
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            List<User> users = session.scalars(select(User.class)
                            .options(selectinload(User_.posts).joinedload(Post_.comments))).all();
            assertThat(users.get(0).posts.get(0).comments).extracting(c -> c.body).hasSize(2);
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @BackendTest
    void raiseloadNamesTheAttributeAndTheOptionToUse(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open()) {
            User u = session.scalars(select(User.class).where(User_.name.eq("user0001"))
                    .options(raiseload(User_.posts))).one();
            assertThatThrownBy(() -> u.posts.size())
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("'User.posts' is not available due to lazy = RAISE")
                    .hasMessageContaining("selectinload(User_.posts)");
        }
    }

    @BackendTest
    void noloadAndLazyloadOverrideTheDefault(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            User u = session.query(User.class).filterBy("name", "user0002").options(noload(User_.posts)).one();
            assertThat(u.posts).isEmpty();
            assertThat(sql.count()).isEqualTo(1);
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            User u = session.query(User.class).filterBy("name", "user0002").options(lazyload(User_.posts)).one();
            assertThat(sql.count()).isEqualTo(1);
            assertThat(u.posts).hasSize(2);
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @BackendTest
    void containsEagerFillsCollectionsFromAnExplicitJoin(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::contains-eager[]
            List<User> users = session.scalars(select(User.class)
                            .join(table(Post.class), User_.id.eq(Post_.userId))
                            .where(Post_.title.startsWith("a"), User_.name.in("user0001", "user0002"))
                            .options(containsEager(User_.posts))).all();
            // end::contains-eager[]
            assertThat(users).hasSize(2);
            assertThat(users).allSatisfy(u -> assertThat(u.posts).hasSize(1)); // only the joined (filtered) rows
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @BackendTest
    void manyToOneReferencesAreLoadedWithTheirObjectsInOneBatch(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            List<Post> posts = session.scalars(select(Post.class).where(Post_.title.startsWith("a"))).all();
            assertThat(posts).hasSize(USERS);
            assertThat(posts).allSatisfy(p -> assertThat(p.author.id).isEqualTo(p.userId));
            assertThat(sql.count()).as("posts, then their 1000 authors by one IN").isEqualTo(2);
        }
    }

    @BackendTest
    void refReferencesLoadOnAccessAndSyncOnSet(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            List<Comment> comments = session.scalars(select(Comment.class).orderBy(Comment_.id)).all();
            assertThat(sql.count()).isEqualTo(1); // no post loaded yet
            assertThat(comments.get(0).post.isLoaded()).isFalse();
            // tag::ref-usage[]
            Post post = comments.get(0).post.get(); // one SELECT (identity map first)
            // end::ref-usage[]
            assertThat(sql.count()).as("the post, then its author (a plain reference loads with its object)")
                    .isEqualTo(3);
            assertThat(post.comments).contains(comments.get(0));
            Post other = session.query(Post.class).filterBy("title", "a2").one();
            comments.get(0).post.set(other); // the collections follow at once
            assertThat(other.comments).containsExactly(comments.get(0));
            assertThat(post.comments).doesNotContain(comments.get(0));
            session.commit();
            assertThat(comments.get(0).postId).isEqualTo(other.id);
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            List<Comment> comments = session.scalars(select(Comment.class).options(selectinload(Comment_.post))).all();
            assertThat(comments).allSatisfy(c -> assertThat(c.post.isLoaded()).isTrue());
            assertThat(sql.count()).as("comments; their posts by IN; the posts' authors by IN").isEqualTo(3);
            Comment c = session.scalars(select(Comment.class).limit(1).options(raiseload(Comment_.post))).one();
            session.expire(c);
            Comment again = session.scalars(select(Comment.class).where(Comment_.id.eq(c.id))
                    .options(raiseload(Comment_.post))).one();
            assertThatThrownBy(() -> again.post.get()).hasMessageContaining("'Comment.post' is not available");
        }
        Comment detached;
        try (Session session = factory.open()) {
            detached = session.scalars(select(Comment.class).limit(1)).one();
        }
        assertThatThrownBy(() -> detached.post.get())
                .isInstanceOf(DetachedInstanceError.class)
                .hasMessageContaining("Comment.post");
    }

    @BackendTest
    void nPlusOneDiagnosticNamesTheRelationshipAndTheCallSite(Backend backend) {
        SessionFactory seeded = seeded(backend);
        // tag::nplusone[]
        SessionFactory strict = SessionFactory.builder(seeded.engine()).raiseOnNPlusOne(10).build();
        // end::nplusone[]
        try (Session session = strict.open()) {
            List<User> users = session.query(User.class).limit(20).all();
            assertThatThrownBy(() -> {
                for (User u : users) {
                    u.posts.size();
                }
            }).isInstanceOf(NPlusOneError.class)
                    .hasMessageContaining("User.posts was lazy-loaded 11 times")
                    .hasMessageContaining("LoaderTest")
                    .hasMessageContaining("selectinload(User_.posts)");
        }
        try (Session session = strict.open()) { // the fix: no diagnostic
            List<User> users = session.query(User.class).limit(20).options(selectinload(User_.posts)).all();
            int n = 0;
            for (User u : users) {
                n += u.posts.size();
            }
            assertThat(n).isEqualTo(40);
        }
    }

    @BackendTest
    void getTakesLoaderOptions(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            Integer id = session.query(User.class).filterBy("name", "user0001").one().id;
            session.expireAll();
            sql.clear();
            User u = session.get(User.class, id, selectinload(User_.posts).selectinload(Post_.comments)).orElseThrow();
            assertThat(sql.count()).as("user, posts, comments").isEqualTo(3);
            assertThat(u.posts.get(0).comments).hasSize(2);
            assertThat(sql.count()).isEqualTo(3);
        }
    }

    @BackendTest
    void joinedCollectionsWithLimitFallBackToSelectin(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            List<User> users = session.scalars(select(User.class).orderBy(User_.id).limit(10)
                    .options(joinedload(User_.posts))).all();
            assertThat(users).hasSize(10);
            assertThat(users).allSatisfy(u -> assertThat(u.posts).hasSize(2));
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @BackendTest
    void loadedCollectionsSurviveTheSessionButUnloadedOnesRaise(Backend backend) {
        SessionFactory factory = seeded(backend);
        List<User> users;
        try (Session session = factory.open()) {
            users = new ArrayList<>(session.scalars(select(User.class).where(User_.name.in("user0001", "user0002"))
                    .orderBy(User_.name).options(selectinload(User_.posts))).all());
        }
        assertThat(users.get(0).posts).hasSize(2);
        assertThatThrownBy(() -> users.get(0).posts.get(0).comments.size())
                .isInstanceOf(DetachedInstanceError.class)
                .hasMessageContaining("Post.comments");
    }

    /**
     * An eagerly loaded list shares its as-loaded membership with its elements until it changes:
     * every way of changing it (add, remove, iterator removal, the other side moving a child)
     * must still be seen by the flush, also after a flush made it as-loaded again.
     */
    @BackendTest
    void changesToJoinedAndSelectinLoadedCollectionsAreAllFlushed(Backend backend) {
        Engine engine = RelationshipTest.fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            User ana = new User("Ana");
            User luis = new User("Luis");
            ana.posts.addAll(List.of(new Post("a"), new Post("b"), new Post("c")));
            luis.posts.add(new Post("d"));
            session.addAll(List.of(ana, luis));
            session.commit();
        }
        try (Session session = factory.open()) {
            List<User> users = session.scalars(select(User.class).options(joinedload(User_.posts))).all();
            User ana = byName(users, "Ana");
            User luis = byName(users, "Luis");
            Post b = ana.posts.stream().filter(p -> p.title.equals("b")).findFirst().orElseThrow();
            luis.posts.add(b); // moves it: Ana's loaded list loses it quietly
            assertThat(ana.posts).extracting(p -> p.title).containsExactlyInAnyOrder("a", "c");
            session.flush();
            ana.posts.removeIf(p -> p.title.equals("a")); // after the flush: delete-orphan
            session.commit();
        }
        assertThat(Db.count(engine, "rel_posts")).as("a deleted as an orphan").isEqualTo(3);
        try (Session session = factory.open()) {
            List<User> users = session.scalars(select(User.class).options(selectinload(User_.posts))).all();
            User luis = byName(users, "Luis");
            assertThat(luis.posts).extracting(p -> p.title).containsExactlyInAnyOrder("b", "d");
            luis.posts.removeIf(p -> p.title.equals("d"));
            byName(users, "Ana").posts.add(new Post("e"));
            session.commit();
        }
        try (Session session = factory.open()) {
            List<User> users = session.scalars(select(User.class).options(selectinload(User_.posts))).all();
            assertThat(byName(users, "Ana").posts).extracting(p -> p.title).containsExactlyInAnyOrder("c", "e");
            assertThat(byName(users, "Luis").posts).extracting(p -> p.title).containsExactly("b");
        }
        assertThat(Db.count(engine, "rel_posts")).isEqualTo(3);
    }

    private static User byName(List<User> users, String name) {
        return users.stream().filter(u -> u.name.equals(name)).findFirst().orElseThrow();
    }
}
