package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.loadmodel.Article;
import org.jalchemy.orm.loadmodel.Article_;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.defer;
import static org.jalchemy.orm.Orm.loadOnly;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.undefer;

/** Deferred columns ({@code @Column(deferred = true)}, defer/undefer/loadOnly) and loading them, with statement counts, on every backend. */
class ColumnLoadingTest {
    static final String BIG = "x".repeat(10_000);

    static SessionFactory seeded(Backend backend) {
        SessionFactory factory = SessionFactory.bind(OrmTesting.fresh(backend, Registry.of(Article.class)));
        try (Session session = factory.open()) {
            session.add(new Article("one", "first", BIG));
            session.add(new Article("two", "second", "short"));
            session.commit();
        }
        return factory;
    }

    @BackendTest
    void aDeferredColumnIsNotSelectedAndLoadsOnRefreshOfThatAttribute(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            // tag::deferred-load[]
            Article a = session.scalars(select(Article.class).where(Article_.title.eq("one"))).one();
            assert a.body == null;                 // deferred: not loaded
            session.refresh(a, Article_.body);     // one SELECT body FROM articles WHERE id = ?
            assert a.body.length() == 10_000;
            // end::deferred-load[]
            assertThat(sql.count()).isEqualTo(2);
            assertThat(sql.sql.get(0)).contains("NULL AS body").doesNotContain("articles.body");
            assertThat(sql.sql.get(1)).startsWith("SELECT articles.body FROM articles WHERE articles.id = ");
            a.body = "changed";
            session.commit();
        }
        try (Session session = factory.open()) {
            Article a = session.scalars(select(Article.class).where(Article_.title.eq("one"))
                    .options(undefer(Article_.body))).one();
            assertThat(a.body).isEqualTo("changed");
        }
    }

    @BackendTest
    void anUnloadedColumnIsNotAChangeAndFlushLeavesItAlone(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            Article a = session.scalars(select(Article.class).where(Article_.title.eq("one"))).one();
            a.title = "uno";
            session.flush();
            assertThat(sql.matching("UPDATE")).singleElement().satisfies(u ->
                    assertThat(u).contains("title").doesNotContain("body"));
            session.commit();
        }
        try (Connection c = factory.engine().connect()) {
            assertThat(c.execute(org.jalchemy.sql.Sql.text("SELECT body FROM articles WHERE title = 'uno'"))
                    .scalarOne()).isEqualTo(BIG);
        }
    }

    @BackendTest
    void deferUndeferAndLoadOnlyOptions(Backend backend) {
        SessionFactory factory = seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            // tag::load-only[]
            List<Article> titles = session.scalars(select(Article.class)
                            .options(loadOnly(Article_.title))
                            .orderBy(Article_.id)).all();
            // end::load-only[]
            assertThat(titles).extracting(a -> a.title).containsExactly("one", "two");
            assertThat(titles).allSatisfy(a -> {
                assertThat(a.summary).isNull();
                assertThat(a.views).isNull();
                assertThat(a.body).isNull();
            });
            assertThat(sql.sql.get(0)).contains("articles.id", "articles.title", "NULL AS summary", "NULL AS views");
            // a later query that loads the columns fills them in on the same objects
            List<Article> full = session.scalars(select(Article.class).options(defer(Article_.views),
                    undefer(Article_.body)).orderBy(Article_.id)).all();
            assertThat(full.get(0)).isSameAs(titles.get(0));
            assertThat(full.get(0).summary).isEqualTo("first");
            assertThat(full.get(0).body).isEqualTo(BIG);
            assertThat(full.get(0).views).isNull(); // still deferred
            assertThat(sql.count()).isEqualTo(2);
            assertThat(session.dirtyObjects()).isEmpty();
        }
        assertThatThrownBy(() -> defer(Article_.id)).isInstanceOf(ArgumentError.class).hasMessageContaining("primary key");
    }
}
