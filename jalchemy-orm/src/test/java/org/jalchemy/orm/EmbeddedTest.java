package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.orm.loadmodel.Segment;
import org.jalchemy.orm.loadmodel.Segment.Point;
import org.jalchemy.orm.loadmodel.Segment_;
import org.jalchemy.sql.Alias;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.orm.Orm.aliased;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.text;

/** Embedded records (SQLAlchemy's composite): columns, loading, changes and comparison in queries, on every backend. */
class EmbeddedTest {

    private static SessionFactory seeded(Backend backend) {
        SessionFactory factory = SessionFactory.bind(OrmTesting.fresh(backend, Registry.of(Segment.class)));
        try (Session session = factory.open()) {
            session.add(new Segment("a", new Point(0, 0), new Point(3, 4)));
            session.add(new Segment("b", new Point(1, 2), null));
            session.commit();
        }
        return factory;
    }

    @org.jalchemy.orm.annotations.Entity(table = "json_without_jackson")
    static class WithMap {
        @org.jalchemy.orm.annotations.Id
        Integer id;
        java.util.Map<String, Object> settings;
    }

    /** This module's tests run without Jackson: a JSON field (not embedded) says what to add. */
    @org.junit.jupiter.api.Test
    void aJsonFieldWithoutJacksonNamesTheFieldAndTheDependency() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.jalchemy.orm.mapping.Mapper.of(WithMap.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("WithMap.settings of type Map maps to a JSON column")
                .hasMessageContaining("jackson-databind");
    }

    @BackendTest
    void recordsAreStoredAsColumnsAndLoadedBack(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Connection c = factory.engine().connect()) {
            assertThat(c.execute(text("SELECT start_x, start_y, stop_x, stop_y FROM segments WHERE label = 'a'"))
                    .one().toArray()).extracting(v -> ((Number) v).intValue()).containsExactly(0, 0, 3, 4);
        }
        try (Session session = factory.open()) {
            List<Segment> all = session.scalars(select(Segment.class).orderBy(Segment_.label)).all();
            assertThat(all.get(0).start).isEqualTo(new Point(0, 0));
            assertThat(all.get(0).end).isEqualTo(new Point(3, 4));
            assertThat(all.get(1).end).isNull(); // all its columns NULL
        }
    }

    @BackendTest
    void comparableInQueriesAndReplacingARecordUpdatesItsColumns(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            // tag::embedded-query[]
            Segment s = session.scalars(select(Segment.class)
                            .where(Segment_.start.eq(new Point(1, 2)))).one();
            // end::embedded-query[]
            assertThat(s.label).isEqualTo("b");
            assertThat(sql.sql.get(0)).contains("segments.start_x = ", "segments.start_y = ");
            assertThat(session.scalars(select(Segment.class).where(Segment_.end.eq(null))).all())
                    .hasSize(1);
            sql.clear();
            s.end = new Point(5, 5);
            session.commit();
            assertThat(sql.matching("UPDATE")).singleElement().satisfies(u ->
                    assertThat(u).contains("stop_x", "stop_y").doesNotContain("start_x"));
            Alias other = aliased(Segment.class, "other");
            List<?> pairs = session.execute(select(Segment_.label).join(other, Segment_.end.of(other).eq(new Point(5, 5)))
                    .where(Segment_.start.ne(new Point(0, 0)))).all();
            assertThat(pairs).hasSize(1);
        }
        try (Session session = factory.open()) {
            Segment b = session.scalars(select(Segment.class).where(Segment_.label.eq("b"))).one();
            assertThat(b.end).isEqualTo(new Point(5, 5));
        }
    }
}
