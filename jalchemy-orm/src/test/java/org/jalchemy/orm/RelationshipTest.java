package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.orm.relmodel.Author;
import org.jalchemy.orm.relmodel.Blogger;
import org.jalchemy.orm.relmodel.Book;
import org.jalchemy.orm.relmodel.Comment;
import org.jalchemy.orm.relmodel.Course;
import org.jalchemy.orm.relmodel.Entry;
import org.jalchemy.orm.relmodel.Item;
import org.jalchemy.orm.relmodel.Node;
import org.jalchemy.orm.relmodel.Node_;
import org.jalchemy.orm.relmodel.Order;
import org.jalchemy.orm.relmodel.OrderLine;
import org.jalchemy.orm.relmodel.Passport;
import org.jalchemy.orm.relmodel.Person;
import org.jalchemy.orm.relmodel.Post;
import org.jalchemy.orm.relmodel.Post_;
import org.jalchemy.orm.relmodel.Student;
import org.jalchemy.orm.relmodel.User;
import org.jalchemy.orm.relmodel.User_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relationship kinds of guide chapters 4 and 7, in-memory sync, cascades and the unit of work, on every backend. */
class RelationshipTest {

    static Registry registry() {
        return Registry.of(User.class, Post.class, Comment.class, Student.class, Course.class, Author.class,
                Book.class, Person.class, Passport.class, Blogger.class, Entry.class, Node.class, Order.class,
                Item.class, OrderLine.class);
    }

    static Engine fresh(Backend backend) {
        return OrmTesting.fresh(backend, registry());
    }

    // ------------------------------------------------------------------ one-to-many / many-to-one (§7.1)

    @BackendTest
    void oneToManyAsInTheGuide(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            // tag::one-to-many-usage[]
            User newUser = new User("Juan");
            newUser.posts = new ArrayList<>(List.of(new Post("Segunda publicación"), new Post("Primera publicación")));
            session.add(newUser); // cascades to the posts
            session.commit();
            // end::one-to-many-usage[]
            assertThat(newUser.posts).allSatisfy(p -> {
                assertThat(p.author).isSameAs(newUser);
                assertThat(p.userId).isEqualTo(newUser.id);
            });
        }
        assertThat(Db.count(engine, "rel_posts")).isEqualTo(2);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(engine)) {
            User user = session.query(User.class).filterBy("name", "Juan").first().orElseThrow();
            sql.clear();
            List<String> titles = new ArrayList<>();
            for (Post post : user.posts) { // lazy: one SELECT on first access
                titles.add(post.title);
            }
            assertThat(titles).containsExactly("Primera publicación", "Segunda publicación"); // orderBy = "title"
            assertThat(sql.count()).isEqualTo(1);
            assertThat(user.posts.get(0).author).isSameAs(user); // filled from the identity map, no SQL
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @BackendTest
    void aColumnChangeOfAnEntityWithRelationshipsIsOneUpdate(Backend backend) {
        SessionFactory factory = SessionFactory.bind(fresh(backend));
        try (Session session = factory.open()) {
            User u = new User("a");
            session.add(u);
            session.commit();
            try (OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
                u.name = "b";
                session.flush(); // a flush with only UPDATEs used to run each of them twice
                assertThat(sql.matching("UPDATE")).containsExactly("UPDATE rel_users SET name = ? WHERE rel_users.id = ?");
            }
        }
    }

    @BackendTest
    void backPopulatesKeepsBothSidesInSyncBeforeAnyFlush(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            User ana = new User("Ana");
            User luis = new User("Luis");
            session.addAll(List.of(ana, luis));
            Post p = new Post("hola");
            ana.posts.add(p); // collection side: the other side is set at once, and p is cascaded in
            assertThat(p.author).isSameAs(ana);
            assertThat(session.contains(p)).isTrue();
            luis.posts.add(p); // moving it: removed from ana's collection
            assertThat(p.author).isSameAs(luis);
            assertThat(ana.posts).isEmpty();
            Post q = new Post("adiós");
            q.author = ana; // a plain field: seen when q is added...
            session.add(q);
            assertThat(ana.posts).containsExactly(q);
            session.flush();
            assertThat(q.userId).isEqualTo(ana.id);
            assertThat(p.userId).isEqualTo(luis.id);
            q.author = luis; // ...or at the next flush (autoflush before a query)
            session.query(User.class).count();
            assertThat(luis.posts).containsExactlyInAnyOrder(p, q);
            assertThat(ana.posts).isEmpty();
            assertThat(q.userId).isEqualTo(luis.id);
            session.commit();
        }
        try (Session session = factory.open()) {
            User luis = session.query(User.class).filterBy("name", "Luis").one();
            assertThat(luis.posts).extracting(p -> p.title).containsExactly("adiós", "hola");
        }
    }

    @BackendTest
    void removingFromADeleteOrphanCollectionDeletesTheChild(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        Integer userId;
        try (Session session = factory.open()) {
            User u = new User("Ana");
            u.posts.add(new Post("a"));
            u.posts.add(new Post("b"));
            session.add(u);
            session.commit();
            userId = u.id;
        }
        try (Session session = factory.open()) {
            User u = session.get(User.class, userId).orElseThrow();
            Post a = u.posts.get(0);
            u.posts.remove(a);
            assertThat(a.author).isNull();
            session.commit();
            assertThat(session.inspect(a).state()).isEqualTo(ObjectState.DETACHED);
        }
        assertThat(Db.count(engine, "rel_posts")).isEqualTo(1);
        try (Session session = factory.open()) {
            session.delete(session.get(User.class, userId).orElseThrow()); // cascade ALL: posts go too
            session.commit();
        }
        assertThat(Db.count(engine, "rel_posts")).isZero();
        assertThat(Db.count(engine, "rel_users")).isZero();
    }

    @BackendTest
    void passiveDeletesLeaveUnloadedChildrenToOnDeleteCascade(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        Integer postId;
        try (Session session = factory.open()) {
            User u = new User("Ana");
            Post p = new Post("a");
            p.comments.add(new Comment("uno"));
            p.comments.add(new Comment("dos"));
            u.posts.add(p);
            session.add(u);
            session.commit();
            postId = p.id;
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(engine)) {
            Post p = session.get(Post.class, postId).orElseThrow();
            sql.clear();
            session.delete(p);
            session.flush();
            assertThat(sql.sql).as("no SELECT of the comments").noneMatch(s -> s.startsWith("SELECT"));
            session.commit();
        }
        assertThat(Db.count(engine, "rel_comments")).isZero();
    }

    // ------------------------------------------------------------------ many-to-many (§4, §7.2)

    @BackendTest
    void manyToManyAsInTheGuide(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            // tag::many-to-many-usage[]
            Student student = new Student("Ana");
            Course course1 = new Course("Matemáticas");
            Course course2 = new Course("Ciencias");
            student.courses = new ArrayList<>(List.of(course1, course2));
            session.add(student);
            session.commit();
            // end::many-to-many-usage[]
            assertThat(course1.students).containsExactly(student);
        }
        assertThat(Db.count(engine, "student_course")).isEqualTo(2);
        try (Session session = factory.open()) {
            Student student = session.query(Student.class).filterBy("name", "Ana").first().orElseThrow();
            assertThat(student.courses).extracting(c -> c.name).containsExactlyInAnyOrder("Matemáticas", "Ciencias");
            Course ciencias = student.courses.stream().filter(c -> c.name.equals("Ciencias")).findFirst().orElseThrow();
            assertThat(ciencias.students).containsExactly(student);
            student.courses.remove(ciencias);
            assertThat(ciencias.students).isEmpty(); // the other side follows
            Student luis = new Student("Luis");
            ciencias.students.add(luis);
            assertThat(luis.courses).containsExactly(ciencias);
            session.commit();
        }
        assertThat(Db.count(engine, "student_course")).isEqualTo(2);
        try (Session session = factory.open()) {
            Student luis = session.query(Student.class).filterBy("name", "Luis").one();
            assertThat(luis.courses).extracting(c -> c.name).containsExactly("Ciencias");
            session.delete(luis); // association rows go with it
            session.commit();
        }
        assertThat(Db.count(engine, "student_course")).isEqualTo(1);
        assertThat(Db.count(engine, "courses")).isEqualTo(2);
    }

    @BackendTest
    void authorsAndBooksWithDefaultAssociationColumns(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            Author a = new Author("Ana");
            Author b = new Author("Bea");
            Book shared = new Book("Zeta");
            a.books.add(shared);
            a.books.add(new Book("Alfa"));
            b.books.add(shared);
            session.addAll(List.of(a, b));
            session.commit();
            assertThat(shared.authors).containsExactly(a, b);
        }
        assertThat(Db.count(engine, "author_books")).isEqualTo(3);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(engine)) {
            List<Author> authors = session.query(Author.class).orderBy(org.jalchemy.orm.relmodel.Author_.name).all();
            assertThat(sql.count()).as("lazy = SELECTIN: authors, then all their books at once").isEqualTo(2);
            assertThat(authors.get(0).books).extracting(x -> x.title).containsExactly("Alfa", "Zeta"); // orderBy
            assertThat(authors.get(1).books).extracting(x -> x.title).containsExactly("Zeta");
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @BackendTest
    void expungeAndRefreshCascadeAndLazyLoadsWorkBetweenTransactions(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        Integer id;
        try (Session session = factory.open()) {
            User u = new User("Ana");
            u.posts.add(new Post("uno"));
            session.add(u);
            session.commit();
            id = u.id;
        }
        try (Session session = factory.open()) {
            User u = session.get(User.class, id).orElseThrow();
            session.commit(); // the transaction is over; the session is still open
            assertThat(u.posts).hasSize(1); // a lazy load autobegins the next transaction
            Post p = u.posts.get(0);
            session.commit();
            Db.exec(engine, "UPDATE rel_posts SET title = 'cambiado'");
            session.refresh(u); // REFRESH_EXPIRE (in ALL) expires the posts too
            assertThat(session.get(Post.class, p.id).orElseThrow().title).isEqualTo("cambiado");
            assertThat(u.posts).containsExactly(p); // refresh unloaded the collection: loaded again, same object
            session.expunge(u); // EXPUNGE (in ALL) takes the loaded posts along
            assertThat(session.contains(p)).isFalse();
            assertThat(session.inspect(p).state()).isEqualTo(ObjectState.DETACHED);
        }
    }

    // ------------------------------------------------------------------ one-to-one (§7.3) and backref (§7.4)

    @BackendTest
    void oneToOneAsInTheGuide(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            // tag::one-to-one-usage[]
            Person person = new Person("Carlos");
            Passport passport = new Passport("A1234567");
            person.passport = passport;
            session.add(person);
            session.commit();
            // end::one-to-one-usage[]
            assertThat(passport.owner).isSameAs(person);
            assertThat(passport.personId).isEqualTo(person.id);
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(engine)) {
            Person person = session.query(Person.class).filterBy("name", "Carlos").first().orElseThrow();
            assertThat(person.passport.number).isEqualTo("A1234567"); // a reference is loaded with its object
            assertThat(person.passport.owner).isSameAs(person);
            assertThat(sql.count()).isEqualTo(2);
            Passport other = new Passport("B7654321");
            Passport old = person.passport;
            person.passport = other; // replacing: the old one lets go of its key
            session.commit();
            assertThat(old.personId).isNull();
            assertThat(other.personId).isEqualTo(person.id);
        }
    }

    @BackendTest
    void backrefDeclaresBothSidesFromOnePlace(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session session = factory.open()) {
            Blogger b = new Blogger("Ana");
            session.add(b);
            Entry e = new Entry("hola");
            b.entries.add(e);
            assertThat(e.author).isSameAs(b);
            session.commit();
            assertThat(e.bloggerId).isEqualTo(b.id);
        }
        try (Session session = factory.open()) {
            Entry e = session.query(Entry.class).one();
            assertThat(e.author.name).isEqualTo("Ana");
            assertThat(e.author.entries).containsExactly(e);
        }
    }

    // ------------------------------------------------------------------ self-referential and association object

    @BackendTest
    void adjacencyListInsertsParentsBeforeChildrenAndDeletesTheOtherWay(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        Integer rootId;
        try (Session session = factory.open()) {
            Node root = new Node("root").add(new Node("b").add(new Node("b1"))).add(new Node("a"));
            session.add(root);
            session.commit();
            rootId = root.id;
            assertThat(root.children.get(0).parent).isSameAs(root);
        }
        assertThat(Db.count(engine, "nodes")).isEqualTo(4);
        try (Session session = factory.open()) {
            Node root = session.get(Node.class, rootId).orElseThrow();
            assertThat(root.parent).isNull();
            assertThat(root.children).extracting(n -> n.name).containsExactly("a", "b");
            Node b1 = root.children.get(1).children.get(0);
            assertThat(b1.name).isEqualTo("b1");
            assertThat(b1.parent.parent).isSameAs(root);
            List<Node> byParent = session.scalars(select(Node.class).where(Node_.parentId.eq(rootId))).all();
            assertThat(byParent).hasSize(2);
            session.delete(root);
            session.commit();
        }
        assertThat(Db.count(engine, "nodes")).isZero();
    }

    @BackendTest
    void associationObjectCarriesExtraColumns(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        Item pen = new Item("pen");
        Item ink = new Item("ink");
        try (Session session = factory.open()) {
            session.addAll(List.of(pen, ink));
            session.flush();
            Order o = new Order("Ana");
            o.lines.add(new OrderLine(pen, 3));
            o.lines.add(new OrderLine(ink, 1));
            session.add(o);
            session.commit();
        }
        try (Session session = factory.open()) {
            Order o = session.query(Order.class).one();
            assertThat(o.lines).extracting(l -> l.item.name + "x" + l.quantity).containsExactlyInAnyOrder("penx3", "inkx1");
            assertThat(o.bulkLines).extracting(l -> l.item.name).containsExactly("pen"); // extra criteria: bulk=true
            o.lines.removeIf(l -> l.quantity == 1); // delete-orphan
            session.commit();
        }
        assertThat(Db.count(engine, "order_lines")).isEqualTo(1);
    }

    @BackendTest
    void lazyLoadsOfSeveralParentsEachReadTheirOwnChildrenWithTheRelationshipsCriteriaAndOrder(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        Item pen = new Item("pen");
        Item ink = new Item("ink");
        Item pad = new Item("pad");
        try (Session session = factory.open()) {
            session.addAll(List.of(pen, ink, pad));
            session.flush();
            Order ana = new Order("Ana");
            ana.lines.add(new OrderLine(pen, 3));
            ana.lines.add(new OrderLine(ink, 1));
            Order bo = new Order("Bo");
            bo.lines.add(new OrderLine(pad, 5));
            bo.lines.add(new OrderLine(ink, 2));
            Order cy = new Order("Cy");
            cy.lines.add(new OrderLine(pen, 1));
            session.addAll(List.of(ana, bo, cy));
            User u1 = new User("u1");
            u1.posts = new ArrayList<>(List.of(new Post("b"), new Post("a")));
            User u2 = new User("u2");
            u2.posts = new ArrayList<>(List.of(new Post("d"), new Post("c"), new Post("e")));
            session.addAll(List.of(u1, u2));
            session.commit();
        }
        // one lazy load per parent, twice over (the relationship's statement is reused: the
        // bound key must be each parent's own, in its own session too)
        for (int round = 0; round < 2; round++) {
            try (Session session = factory.open()) {
                List<Order> orders = session.query(Order.class).orderBy("customer").all();
                List<User> users = session.query(User.class).orderBy("name").all();
                assertThat(orders.get(0).bulkLines).extracting(l -> l.item.name).containsExactly("pen");
                assertThat(orders.get(1).bulkLines).extracting(l -> l.item.name).containsExactlyInAnyOrder("pad", "ink");
                assertThat(orders.get(2).bulkLines).isEmpty();
                assertThat(orders.get(2).lines).extracting(l -> l.quantity).containsExactly(1);
                assertThat(users.get(0).posts).extracting(p -> p.title).containsExactly("a", "b");
                assertThat(users.get(1).posts).extracting(p -> p.title).containsExactly("c", "d", "e");
                assertThat(users.get(1).posts).allSatisfy(p -> assertThat(p.author).isSameAs(users.get(1)));
            }
        }
    }

    // ------------------------------------------------------------------ state

    @BackendTest
    void rollbackReloadsCollectionsAndDetachedAccessNamesTheAttribute(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        Integer id;
        try (Session session = factory.open()) {
            User u = new User("Ana");
            u.posts.add(new Post("kept"));
            session.add(u);
            session.commit();
            id = u.id;
        }
        User detached;
        try (Session session = factory.open()) {
            User u = session.get(User.class, id).orElseThrow();
            u.posts.add(new Post("rolled back"));
            session.flush();
            session.rollback();
            assertThat(u.posts).extracting(p -> p.title).containsExactly("kept");
            detached = session.get(User.class, id).orElseThrow();
            session.expire(detached);
        }
        assertThatThrownBy(() -> detached.posts.size())
                .isInstanceOf(DetachedInstanceError.class)
                .hasMessageContaining("User.posts")
                .hasMessageContaining("not bound to a Session");
    }
}
