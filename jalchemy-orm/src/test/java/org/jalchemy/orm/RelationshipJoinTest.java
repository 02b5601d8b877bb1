package org.jalchemy.orm;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.relmodel.Comment;
import org.jalchemy.orm.relmodel.Comment_;
import org.jalchemy.orm.relmodel.Course;
import org.jalchemy.orm.relmodel.Course_;
import org.jalchemy.orm.relmodel.Node;
import org.jalchemy.orm.relmodel.Node_;
import org.jalchemy.orm.relmodel.Post;
import org.jalchemy.orm.relmodel.Post_;
import org.jalchemy.orm.relmodel.Student;
import org.jalchemy.orm.relmodel.Student_;
import org.jalchemy.orm.relmodel.User;
import org.jalchemy.orm.relmodel.User_;
import org.jalchemy.sql.Alias;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.aliased;
import static org.jalchemy.orm.Orm.containsEager;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.table;
import static org.jalchemy.sql.Sql.func;

/**
 * Joins along relationships ({@code join(User_.posts)}), outer joins, joins inferred from mapped
 * foreign keys, aliased entities (self-referential too), {@code containsEager} along such joins and
 * {@code any}/{@code has} criteria, with the statements each issues, on every backend.
 */
class RelationshipJoinTest {

    /** ana (posts "a1" with two comments, "a2"), bob (post "b1"), cid (no posts); a tree root > kid1, kid2 > leaf; two students. */
    private static SessionFactory seeded(Backend backend) {
        SessionFactory factory = SessionFactory.bind(RelationshipTest.fresh(backend));
        try (Session session = factory.open()) {
            User ana = new User("ana");
            Post a1 = new Post("a1");
            a1.comments.add(new Comment("nice"));
            a1.comments.add(new Comment("meh"));
            ana.posts.add(a1);
            ana.posts.add(new Post("a2"));
            User bob = new User("bob");
            bob.posts.add(new Post("b1"));
            session.addAll(List.of(ana, bob, new User("cid")));
            Node root = new Node("root");
            Node kid2 = new Node("kid2");
            kid2.add(new Node("leaf"));
            root.add(new Node("kid1")).add(kid2);
            session.add(root);
            Student s1 = new Student("sara");
            Student s2 = new Student("tom");
            Course math = new Course("math");
            Course art = new Course("art");
            s1.courses.add(math);
            s1.courses.add(art);
            s2.courses.add(art);
            session.addAll(List.of(s1, s2));
            session.commit();
        }
        return factory;
    }

    private static OrmTesting.Statements record(SessionFactory f) {
        return new OrmTesting.Statements(f.engine());
    }

    @BackendTest
    void joinAlongARelationshipUsesItsForeignKey(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::join-relationship[]
            List<User> withB = session.scalars(select(User.class)
                            .join(User_.posts)
                            .where(Post_.title.startsWith("b"))).all();
            // end::join-relationship[]
            assertThat(withB).extracting(u -> u.name).containsExactly("bob");
            assertThat(sql.sql.get(0)).contains("FROM rel_users JOIN rel_posts ON rel_users.id = rel_posts.user_id");
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @BackendTest
    void chainedJoinsFollowThePath(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::join-chain[]
            List<String> names = session.scalars(select(User_.name)
                            .join(User_.posts)
                            .join(Post_.comments)
                            .where(Comment_.body.eq("nice"))).all().stream().map(String.class::cast).toList();
            // end::join-chain[]
            assertThat(names).containsExactly("ana");
            assertThat(sql.sql.get(0)).contains("JOIN rel_posts ON rel_users.id = rel_posts.user_id "
                    + "JOIN rel_comments ON rel_posts.id = rel_comments.post_id");
            // from the many side to the one side
            assertThat(session.scalars(select(Comment.class).join(Comment_.post).join(Post_.author)
                    .where(User_.name.eq("ana"))).all()).hasSize(2);
        }
    }

    @BackendTest
    void outerJoinKeepsParentsWithoutChildren(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open()) {
            // tag::outerjoin-relationship[]
            List<?> counts = session.execute(select(User_.name, func.count(Post_.id))
                            .outerjoin(User_.posts)
                            .groupBy(User_.name)
                            .orderBy(User_.name))
                    .all();
            // end::outerjoin-relationship[]
            assertThat(counts).hasSize(3);
            assertThat(session.execute(select(User_.name, func.count(Post_.id)).outerjoin(User_.posts)
                    .groupBy(User_.name).orderBy(User_.name)).all())
                    .extracting(r -> r.get(0) + "=" + ((Number) r.get(1)).intValue())
                    .containsExactly("ana=2", "bob=1", "cid=0");
        }
    }

    @BackendTest
    void joinToAnEntityTableInfersTheOnClauseFromMappedForeignKeys(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open()) {
            // tag::join-inferred[]
            List<Post> posts = session.scalars(select(Post.class)
                            .join(table(User.class))
                            .where(User_.name.eq("ana"))
                            .orderBy(Post_.title)).all();
            // end::join-inferred[]
            assertThat(posts).extracting(p -> p.title).containsExactly("a1", "a2");
            User bob = session.scalars(select(User.class).join(table(Post.class)).where(Post_.title.eq("b1"))).one();
            assertThat(bob.name).isEqualTo("bob");
            assertThatThrownBy(() -> select(User.class).join(table(Course.class)))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("Can't find any foreign key relationships");
        }
    }

    @BackendTest
    void aliasedEntitiesJoinSelfReferentially(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::aliased-self[]
            Alias parent = aliased(Node.class, "parent");
            List<Node> rootsChildren = session.scalars(select(Node.class)
                            .join(Node_.parent.to(parent))
                            .where(parent.c(Node_.name).eq("root"))
                            .orderBy(Node_.name)).all();
            // end::aliased-self[]
            assertThat(rootsChildren).extracting(n -> n.name).containsExactly("kid1", "kid2");
            assertThat(sql.sql.get(0)).contains("JOIN nodes AS parent ON nodes.parent_id = parent.id");
            // both sides as entities in one row: the alias's rows are Nodes from the same identity map
            List<OrmResult.OrmRow> pairs = session.execute(select(Node.class, parent).join(Node_.parent.to(parent))
                    .orderBy(Node_.name)).all();
            assertThat(pairs).extracting(r -> ((Node) r.get(0)).name + "<" + ((Node) r.get(1)).name)
                    .containsExactly("kid1<root", "kid2<root", "leaf<kid2");
            assertThat(pairs.get(0).get(1)).isSameAs(rootsChildren.get(0).parent);
            // from the alias outwards
            Alias kid = aliased(Node.class, "kid");
            assertThat(session.scalars(select(kid).join(Node_.children.from(kid)).where(Node_.name.eq("leaf"))).all()).extracting(n -> ((Node) n).name).containsExactly("kid2");
        }
    }

    @BackendTest
    void containsEagerFillsTheCollectionAlongARelationshipJoin(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::contains-eager-join[]
            List<User> users = session.scalars(select(User.class)
                            .join(User_.posts)
                            .where(Post_.title.in("a1", "b1"))
                            .orderBy(User_.name)
                            .options(containsEager(User_.posts))).all();
            // end::contains-eager-join[]
            assertThat(users).extracting(u -> u.name).containsExactly("ana", "bob");
            assertThat(users.get(0).posts).extracting(p -> p.title).containsExactly("a1"); // only the joined rows
            assertThat(sql.count()).isEqualTo(1);
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            Alias p = aliased(Post.class, "p");
            List<User> users = session.scalars(select(User.class)
                            .join(User_.posts.to(p))
                            .where(p.c(Post_.title).eq("a2"))
                            .options(containsEager(User_.posts.to(p)))).all();
            assertThat(users).hasSize(1);
            assertThat(users.get(0).posts).extracting(x -> x.title).containsExactly("a2");
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @BackendTest
    void anyAndHasAreExistsSubqueries(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            // tag::any-has[]
            List<User> commented = session.scalars(select(User.class)
                            .where(User_.posts.any(Post_.title.eq("a1")))).all();
            List<Post> byBob = session.scalars(select(Post.class)
                            .where(Post_.author.has(User_.name.eq("bob")))).all();
            List<User> withoutPosts = session.scalars(select(User.class)
                            .where(org.jalchemy.sql.Sql.not(User_.posts.any()))).all();
            // end::any-has[]
            assertThat(commented).extracting(u -> u.name).containsExactly("ana");
            assertThat(byBob).extracting(p -> p.title).containsExactly("b1");
            assertThat(withoutPosts).extracting(u -> u.name).containsExactly("cid");
            assertThat(sql.sql.get(0)).contains("WHERE EXISTS (SELECT");
            assertThat(sql.count()).isEqualTo(4); // three SELECTs, and byBob's authors (not yet in the identity map) in one IN query
            assertThatThrownBy(() -> Post_.author.any()).isInstanceOf(ArgumentError.class).hasMessageContaining("has(");
            assertThatThrownBy(() -> Node_.children.any()).isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("self-referential");
        }
    }

    @BackendTest
    void manyToManyJoinsAndAnyGoThroughTheAssociationTable(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = record(factory)) {
            List<Student> artists = session.scalars(select(Student.class).join(Student_.courses)
                    .where(Course_.name.eq("art")).orderBy(Student_.name)).all();
            assertThat(artists).extracting(s -> s.name).containsExactly("sara", "tom");
            assertThat(sql.sql.get(0)).contains("JOIN student_course ON students.id = student_course.student_id "
                    + "JOIN courses ON student_course.course_id = courses.id");
            List<Student> math = session.scalars(select(Student.class)
                    .where(Student_.courses.any(Course_.name.eq("math")))).all();
            assertThat(math).extracting(s -> s.name).containsExactly("sara");
        }
    }

    @BackendTest
    void aJoinThatDoesNotStartFromItsParentSaysSo(Backend backend) {
        assertThatThrownBy(() -> select(User.class).join(Post_.comments))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("Can't join relationship Post.comments from")
                .hasMessageContaining("rel_users");
        Alias u = aliased(User.class);
        assertThatThrownBy(() -> Post_.author.from(u)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("not an alias of Post");
    }
}
