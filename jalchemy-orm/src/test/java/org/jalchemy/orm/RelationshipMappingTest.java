package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.relmodel.Feed;
import org.jalchemy.orm.relmodel.User;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relationship mapping errors (reported at registration, naming class and field), write-only and merge. */
class RelationshipMappingTest {

    @Entity(table = "lonely")
    static class Lonely {
        @Id
        Integer id;
        @Relationship
        List<Orphan> orphans;
    }

    @Entity(table = "orphans")
    static class Orphan {
        @Id
        Integer id;
    }

    @Entity(table = "twice")
    static class Twice {
        @Id
        Integer id;
        @ForeignKey("orphans.id")
        Integer a;
        @ForeignKey("orphans.id")
        Integer b;
        @Relationship
        Orphan which;
    }

    @Entity(table = "wrong_back")
    static class WrongBack {
        @Id
        Integer id;
        @ForeignKey("orphans.id")
        Integer orphanId;
        @Relationship(backPopulates = "nope")
        Orphan orphan;
    }

    @Entity(table = "unannotated")
    static class Unannotated {
        @Id
        Integer id;
        @ForeignKey("orphans.id")
        Integer orphanId;
        Orphan orphan; // no @Relationship and no backref names it
    }

    @Test
    void noForeignKeyBetweenTheTwoIsReportedNamingTheField() {
        assertThatThrownBy(() -> Registry.of(Lonely.class, Orphan.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("Lonely.orphans")
                .hasMessageContaining("no @ForeignKey to table 'lonely'");
    }

    @Test
    void ambiguousForeignKeysAskForForeignKey() {
        assertThatThrownBy(() -> Registry.of(Twice.class, Orphan.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("Twice.which is ambiguous")
                .hasMessageContaining("foreignKey = ");
    }

    @Test
    void unknownBackPopulatesIsReported() {
        assertThatThrownBy(() -> Registry.of(WrongBack.class, Orphan.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("WrongBack.orphan")
                .hasMessageContaining("\"nope\"");
    }

    @Test
    void entityFieldWithoutRelationshipIsReported() {
        assertThatThrownBy(() -> Registry.of(Unannotated.class, Orphan.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("Unannotated.orphan")
                .hasMessageContaining("annotate it with @Relationship");
    }

    @Test
    void relationshipsAreListedByTheMapper() {
        assertThat(Orm.mapper(User.class).relationship("posts").isCollection()).isTrue();
        assertThatThrownBy(() -> Orm.mapper(User.class).relationship("comments"))
                .hasMessageContaining("has no relationship 'comments'")
                .hasMessageContaining("[posts]");
    }

    @Test
    void loaderOptionsDescribeTheirPath() {
        assertThat(Orm.selectinload(org.jalchemy.orm.relmodel.User_.posts)
                .joinedload(org.jalchemy.orm.relmodel.Post_.comments).toString())
                .isEqualTo("selectinload(User.posts).joinedload(Post.comments)");
        assertThat(Orm.noload(Orm.rel(User.class, "posts")).toString()).isEqualTo("noload(User.posts)");
        assertThatThrownBy(() -> Orm.rel(User.class, "nope"))
                .hasMessageContaining("has no relationship 'nope'");
    }

    @BackendTest
    void writeOnlyCollectionsAreWrittenNeverRead(Backend backend) {
        Engine engine = OrmTesting.fresh(backend, Registry.of(Feed.class, Feed.Event.class));
        SessionFactory factory = SessionFactory.bind(engine);
        Integer id;
        try (Session session = factory.open()) {
            Feed f = new Feed("news");
            f.events.add(new Feed.Event("created"));
            session.add(f);
            session.commit();
            id = f.id;
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(engine)) {
            Feed f = session.get(Feed.class, id).orElseThrow();
            f.events.add(new Feed.Event("updated")); // no load
            assertThat(sql.count()).isEqualTo(1);
            assertThatThrownBy(() -> f.events.size())
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("Feed.events is write-only");
            session.commit();
        }
        assertThat(Db.count(engine, "feed_events")).isEqualTo(2);
    }

    @BackendTest
    void mergeCascadesToRelatedObjects(Backend backend) {
        Engine engine = RelationshipTest.fresh(backend);
        SessionFactory factory = SessionFactory.bind(engine);
        User detached;
        try (Session session = factory.open()) {
            detached = new User("Ana");
            detached.posts.add(new org.jalchemy.orm.relmodel.Post("uno"));
            session.add(detached);
            session.commit();
            detached.posts.size();
        }
        detached.name = "Ana María";
        detached.posts.get(0).title = "uno (editado)";
        try (Session session = factory.open()) {
            User merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(merged.posts).extracting(p -> p.title).containsExactly("uno (editado)");
            assertThat(merged.posts.get(0).author).isSameAs(merged);
            session.commit();
        }
        try (Session session = factory.open()) {
            User u = session.query(User.class).one();
            assertThat(u.name).isEqualTo("Ana María");
            assertThat(u.posts).extracting(p -> p.title).containsExactly("uno (editado)");
        }
    }
}
