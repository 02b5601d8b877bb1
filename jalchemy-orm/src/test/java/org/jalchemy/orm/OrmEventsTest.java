package org.jalchemy.orm;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.eventmodel.Document;
import org.jalchemy.orm.eventmodel.Document_;
import org.jalchemy.orm.eventmodel.Folder;
import org.jalchemy.orm.eventmodel.Folder_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.joinedload;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.selectinload;

/** Entity lifecycle methods and listeners, session events, {@code @Validates}, and soft delete with loader criteria, on every backend. */
class OrmEventsTest {

    private static Engine fresh(Backend backend) {
        return OrmTesting.fresh(backend, Registry.of(Folder.class, Document.class));
    }

    @BackendTest
    void entityMethodsAndListenersRunAroundTheirStatements(Backend backend) {
        SessionFactory factory = SessionFactory.bind(fresh(backend));
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        // tag::listeners[]
        factory.events().beforeInsert(Document.class, (session, doc) -> log.add("insert " + doc.title));
        factory.events().afterUpdate(Document.class, (session, doc) -> log.add("updated r" + doc.revision));
        factory.events().afterDelete(Document.class, (session, doc) -> log.add("deleted " + doc.id));
        factory.events().beforeFlush(session -> log.add("flush"));
        factory.events().afterCommit(session -> log.add("commit"));
        factory.events().afterRollback(session -> log.add("rollback"));
        // end::listeners[]
        try (Session session = factory.open()) {
            Document d = new Document("  Plan  ");
            session.add(d);
            session.commit();
            assertThat(d.calls).containsExactly("beforeInsert", "afterInsert " + d.id);
            assertThat(d.title).isEqualTo("Plan"); // the validator's value was written
            assertThat(d.revision).isEqualTo(1);
            session.flush(); // nothing to do: no events
            d.title = "Plan B";
            session.commit();
            assertThat(d.revision).isEqualTo(2);
            Document again = session.scalars(select(Document.class).options(populateExisting())).one();
            assertThat(again.revision).isEqualTo(2); // the BeforeUpdate change went out with the UPDATE
            session.delete(d);
            session.commit();
            session.add(new Document("Draft"));
            session.rollback(); // nothing was flushed: no flush event, but the transaction rolls back
        }
        assertThat(log).containsExactly("flush", "insert Plan", "commit", "flush", "updated r2", "commit",
                "flush", "deleted " + 1, "commit", "rollback");
    }

    private static org.jalchemy.sql.ExecutableOption populateExisting() {
        return Orm.populateExisting();
    }

    @BackendTest
    void aValidatorThatThrowsStopsTheFlushBeforeAnyStatement(Backend backend) {
        SessionFactory factory = SessionFactory.bind(fresh(backend));
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            session.add(new Folder("f"));
            session.add(new Document(" "));
            assertThatThrownBy(session::flush).isInstanceOf(ArgumentError.class).hasMessage("a document needs a title");
            assertThat(sql.matching("INSERT")).isEmpty();
            session.rollback();
        }
    }

    @BackendTest
    void softDeleteWithLoaderCriteriaFiltersQueriesAndRelationshipLoads(Backend backend) {
        Engine engine = fresh(backend);
        // tag::soft-delete[]
        SessionFactory factory = SessionFactory.builder(engine)
                .withLoaderCriteria(Document.class, t -> t.c(Document_.deleted).eq(false))
                .build();
        factory.events().beforeDelete(Document.class, (session, doc) -> {
            throw new IllegalStateException("documents are soft-deleted: set deleted = true");
        });
        // end::soft-delete[]
        try (Session session = factory.open()) {
            Folder f = new Folder("f");
            for (String t : List.of("a", "b", "c")) {
                Document d = new Document(t);
                f.documents.add(d);
            }
            session.add(f);
            session.commit();
            Document b = session.scalars(select(Document.class).where(Document_.title.eq("b"))).one();
            b.deleted = true;
            session.commit();
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(engine)) {
            List<Document> docs = session.scalars(select(Document.class).orderBy(Document_.title)).all();
            assertThat(docs).extracting(d -> d.title).containsExactly("a", "c");
            Folder f = session.scalars(select(Folder.class)).one();
            assertThat(f.documents).extracting(d -> d.title).containsExactly("a", "c"); // lazy load filtered
            assertThat(sql.count()).isEqualTo(4); // documents, their folder (one IN query), folders, the lazy collection
            session.delete(docs.get(0));
            assertThatThrownBy(session::flush).isInstanceOf(IllegalStateException.class);
            session.rollback();
        }
        try (Session session = factory.open()) {
            List<Folder> viaSelectin = session.scalars(select(Folder.class).options(selectinload(Folder_.documents))).all();
            assertThat(viaSelectin.get(0).documents).extracting(d -> d.title).containsExactly("a", "c");
        }
        try (Session session = factory.open()) {
            List<Folder> viaJoin = session.scalars(select(Folder.class).options(joinedload(Folder_.documents))).all();
            assertThat(viaJoin).hasSize(1);
            assertThat(viaJoin.get(0).documents).extracting(d -> d.title).containsExactly("a", "c");
        }
    }

    @BackendTest
    void loaderCriteriaApplyToGetAndRefreshToo(Backend backend) {
        Engine engine = fresh(backend);
        SessionFactory plain = SessionFactory.bind(engine);
        SessionFactory factory = SessionFactory.builder(engine)
                .withLoaderCriteria(Document.class, t -> t.c(Document_.deleted).eq(false))
                .build();
        int a;
        int b;
        try (Session session = plain.open()) {
            Document da = new Document("a");
            Document db = new Document("b");
            db.deleted = true;
            session.addAll(List.of(da, db));
            session.commit();
            a = da.id;
            b = db.id;
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(engine)) {
            // tag::criteria-get[]
            assert session.get(Document.class, b).isEmpty(); // SELECT ... WHERE id = ? AND deleted = false
            // end::criteria-get[]
            assertThat(session.get(Document.class, b)).isEmpty();
            assertThat(sql.sql.get(0)).contains("ev_documents.deleted = ");
            Document da = session.get(Document.class, a).orElseThrow();
            session.commit();
            try (var c = engine.connect()) { // soft-deleted by someone else
                c.execute(org.jalchemy.sql.Sql.text("UPDATE ev_documents SET deleted = :d").bind("d", true));
                c.commit();
            }
            assertThatThrownBy(() -> session.refresh(da)).isInstanceOf(ObjectDeletedError.class)
                    .hasMessageContaining("loader criteria");
            assertThat(session.contains(da)).isFalse();
        }
        try (var c = engine.connect()) {
            c.execute(org.jalchemy.sql.Sql.text("UPDATE ev_documents SET deleted = :d").bind("d", false));
            c.commit();
        }
        try (Session session = factory.open()) { // an expired object met again by get is reloaded under the criteria
            Document da = session.get(Document.class, a).orElseThrow();
            session.commit(); // expires it
            try (var c = engine.connect()) {
                c.execute(org.jalchemy.sql.Sql.text("UPDATE ev_documents SET deleted = :d").bind("d", true));
                c.commit();
            }
            assertThat(session.get(Document.class, a)).isEmpty();
            assertThat(session.contains(da)).isFalse();
        }
    }
}
