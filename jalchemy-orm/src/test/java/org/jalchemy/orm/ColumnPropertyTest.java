package org.jalchemy.orm;

import org.jalchemy.orm.loadmodel.Novel;
import org.jalchemy.orm.loadmodel.Novel_;
import org.jalchemy.orm.loadmodel.Writer;
import org.jalchemy.orm.loadmodel.Writer_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.orm.Orm.aliased;
import static org.jalchemy.orm.Orm.joinedload;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.undefer;

/** {@code @ColumnProperty}: read-only attributes computed by a SQL expression, on every backend, with statement counts. */
class ColumnPropertyTest {
    static final Registry REGISTRY = Registry.of(Writer.class, Novel.class);

    static SessionFactory seeded(Backend backend) {
        SessionFactory factory = SessionFactory.bind(OrmTesting.fresh(backend, REGISTRY));
        try (Session session = factory.open()) {
            Writer ann = new Writer("ann");
            ann.novels.addAll(List.of(new Novel("a1"), new Novel("a2")));
            Writer bob = new Writer("bob");
            bob.novels.add(new Novel("b1"));
            session.addAll(List.of(ann, bob, new Writer("cy")));
            session.commit();
        }
        return factory;
    }

    @BackendTest
    void aComputedAttributeIsLoadedWithItsEntityAndUsableInQueries(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            // tag::column-property-query[]
            List<Writer> prolific = session.scalars(select(Writer.class)
                    .where(Writer_.novelCount.gt(1L))
                    .orderBy(Writer_.novelCount.desc())).all();
            // end::column-property-query[]
            assertThat(prolific).extracting(w -> w.name).containsExactly("ann");
            assertThat(prolific.get(0).novelCount).isEqualTo(2L);
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql.get(0)).contains("AS novel_count").contains("(SELECT count(novels.id) AS count FROM novels WHERE novels.writer_id = writers.id) AS novel_count");
            assertThat(prolific.get(0).shout).isNull(); // deferred
            List<Writer> all = session.scalars(select(Writer.class).orderBy(Writer_.name)).all();
            assertThat(all).extracting(w -> w.novelCount).containsExactly(2L, 1L, 0L);
            Writer cy = session.get(Writer.class, all.get(2).id).orElseThrow();
            assertThat(cy.novelCount).isZero();
        }
        assertThat(REGISTRY.table(Writer.class).columns()).extracting(c -> c.name()).containsExactly("id", "name");
    }

    @BackendTest
    void itIsNeverWrittenAndRefreshOrUndeferLoadsIt(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            Writer ann = session.scalars(select(Writer.class).where(Writer_.name.eq("ann"))).one();
            sql.clear();
            ann.novelCount = 99L; // not a change: computed attributes are never written
            session.flush();
            assertThat(sql.count()).isZero();
            ann.novels.add(new Novel("a3"));
            session.flush();
            assertThat(sql.matching("INSERT")).singleElement().satisfies(s -> assertThat(s).doesNotContain("count"));
            session.refresh(ann, Writer_.novelCount);
            assertThat(ann.novelCount).isEqualTo(3L);
            Writer loud = session.scalars(select(Writer.class).where(Writer_.name.eq("ann"))
                    .options(undefer(Writer_.shout))).one();
            assertThat(loud).isSameAs(ann);
            assertThat(ann.shout).isEqualTo("ANN");

            Writer dan = new Writer("dan");
            session.add(dan);
            session.flush(); // the value is not known after the INSERT: unloaded until the row is met again
            assertThat(session.inspect(dan).modifiedAttributes()).isEmpty();
            session.scalars(select(Writer.class).where(Writer_.name.eq("dan"))).one();
            assertThat(dan.novelCount).isZero();
        }
    }

    @BackendTest
    void joinedLoadsAndAliasesOfAnEntityWithComputedAttributes(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            List<Novel> novels = session.scalars(select(Novel.class).options(joinedload(Novel_.writer))
                    .orderBy(Novel_.title)).all();
            assertThat(novels.get(0).writer.novelCount).isEqualTo(2L); // an alias cannot compute it: loaded selectin
            assertThat(sql.count()).isEqualTo(2);
        }
        try (Session session = factory.open()) {
            var w = aliased(Writer.class, "w");
            List<?> rows = session.scalars(select(w).where(w.c(Writer_.name).eq("bob"))).all();
            Writer bob = (Writer) rows.get(0);
            assertThat(bob.name).isEqualTo("bob");
            assertThat(bob.novelCount).isNull(); // through an alias: not selected, unloaded
        }
    }
}
