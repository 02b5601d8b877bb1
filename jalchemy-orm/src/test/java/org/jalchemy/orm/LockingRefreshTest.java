package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.orm.loadmodel.Article;
import org.jalchemy.orm.loadmodel.Article_;
import org.jalchemy.orm.loadmodel.Novel;
import org.jalchemy.orm.loadmodel.Novel_;
import org.jalchemy.orm.loadmodel.Writer_;

import java.util.List;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.populateExisting;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.table;
import static org.jalchemy.sql.Sql.text;

/**
 * Expire semantics when another connection changes a row between two transactions, refresh and
 * populateExisting, and row locks through the ORM ({@code forUpdate}, {@code refresh(obj, LockMode)}),
 * on every backend (SQLite has no row locks: only the statements are checked there).
 */
class LockingRefreshTest {

    private static void otherConnectionSets(SessionFactory f, String title) {
        try (Connection c = f.engine().connect()) {
            c.execute(text("UPDATE articles SET title = :t WHERE summary = 'first'").bind("t", title));
            c.commit();
        }
    }

    @BackendTest
    void afterCommitAnExpiredObjectKeepsTheStaleValueUntilTheSessionMeetsItsRow(Backend backend) {
        SessionFactory factory = ColumnLoadingTest.seeded(backend);
        try (Session session = factory.open()) {
            // tag::expire-semantics[]
            Article a = session.scalars(select(Article.class).where(Article_.summary.eq("first"))).one();
            session.commit();                       // expireOnCommit: a is expired, its fields unchanged
            otherConnectionSets(factory, "edited elsewhere");
            assert a.title.equals("one");           // Java cannot intercept the read: still the old value
            Article again = session.get(Article.class, a.id).orElseThrow(); // meets the row: reloads it
            assert again == a && a.title.equals("edited elsewhere");
            // end::expire-semantics[]
            assertThat(a.title).isEqualTo("edited elsewhere");
        }
    }

    @BackendTest
    void withoutExpireOnCommitQueriesKeepTheIdentityMapsValuesUnlessPopulateExisting(Backend backend) {
        SessionFactory seeded = ColumnLoadingTest.seeded(backend);
        SessionFactory factory = SessionFactory.builder(seeded.engine()).expireOnCommit(false).build();
        try (Session session = factory.open()) {
            Article a = session.scalars(select(Article.class).where(Article_.summary.eq("first"))).one();
            session.commit();
            otherConnectionSets(factory, "v2");
            Article same = session.scalars(select(Article.class).where(Article_.summary.eq("first"))).one();
            assertThat(same).isSameAs(a);
            assertThat(a.title).isEqualTo("one"); // the identity map wins: not expired
            // tag::populate-existing[]
            session.scalars(select(Article.class).where(Article_.summary.eq("first"))
                    .options(populateExisting())).one();
            // end::populate-existing[]
            assertThat(a.title).isEqualTo("v2");
            session.commit();
            otherConnectionSets(factory, "v3");
            session.refresh(a);
            assertThat(a.title).isEqualTo("v3");
            a.title = "unflushed";
            session.scalars(select(Article.class).options(populateExisting())).all();
            assertThat(a.title).isEqualTo("unflushed"); // autoflush wrote the change first; the row then holds it
        }
    }

    @BackendTest
    void forUpdateWithPopulateExistingLocksAndRefreshes(Backend backend) {
        SessionFactory factory = ColumnLoadingTest.seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            Article a = session.scalars(select(Article.class).where(Article_.summary.eq("first"))).one();
            session.commit();
            otherConnectionSets(factory, "locked");
            // tag::for-update[]
            Article locked = session.scalars(select(Article.class)
                            .where(Article_.id.eq(a.id))
                            .forUpdate()
                            .options(populateExisting())).one();
            // end::for-update[]
            assertThat(locked).isSameAs(a);
            assertThat(a.title).isEqualTo("locked");
            String last = sql.sql.get(sql.count() - 1);
            if (backend.isSqlite()) {
                assertThat(last).doesNotContain("FOR UPDATE");
                return;
            }
            assertThat(last).endsWith("FOR UPDATE");
            try (Connection other = factory.engine().connect()) {
                assertThatThrownBy(() -> other.execute(text("SELECT id FROM articles WHERE id = " + a.id
                        + " FOR UPDATE NOWAIT")).all()).isInstanceOf(DBAPIError.class);
            }
            try (Connection other = factory.engine().connect()) {
                assertThat(other.execute(text("SELECT id FROM articles FOR UPDATE SKIP LOCKED")).all()).hasSize(1);
                other.rollback();
            }
            session.commit();
        }
    }

    @BackendTest
    void forUpdateOfLocksTheRowsOfTheNamedEntityOnly(Backend backend) {
        SessionFactory factory = ColumnPropertyTest.seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            // tag::for-update-of[]
            List<Novel> novels = session.scalars(select(Novel.class)
                    .join(Novel_.writer)
                    .where(Writer_.name.eq("ann"))
                    .forUpdateOf(table(Novel.class))   // PostgreSQL: ... FOR UPDATE OF novels
                    .options(populateExisting())).all();
            // end::for-update-of[]
            assertThat(novels).hasSize(2);
            String last = sql.sql.get(0); // then the novels' writer is resolved by a second SELECT
            if (backend.isSqlite()) { // no row locks, no clause (as SQLAlchemy renders it)
                assertThat(last).doesNotContain("FOR UPDATE");
                return;
            }
            boolean mariadb = backend.name().equals("mariadb");
            assertThat(last).endsWith(mariadb ? "FOR UPDATE" : "FOR UPDATE OF novels");
            try (Connection other = factory.engine().connect()) { // the novels are locked everywhere
                assertThatThrownBy(() -> other.execute(text("SELECT id FROM novels WHERE title = 'a1' FOR UPDATE NOWAIT"))
                        .all()).isInstanceOf(DBAPIError.class);
            }
            try (Connection other = factory.engine().connect()) {
                var lockWriter = (Runnable) () -> other.execute(
                        text("SELECT id FROM writers WHERE name = 'ann' FOR UPDATE NOWAIT")).all();
                if (mariadb) { // MariaDB has no OF: the joined writer row is locked too
                    assertThatThrownBy(lockWriter::run).isInstanceOf(DBAPIError.class);
                } else {       // PostgreSQL locked the novels only
                    lockWriter.run();
                    other.rollback();
                }
            }
            session.commit();
        }
    }

    @BackendTest
    void refreshWithALockMode(Backend backend) {
        SessionFactory factory = ColumnLoadingTest.seeded(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            Article a = session.scalars(select(Article.class).where(Article_.summary.eq("first"))).one();
            a.title = "discarded";
            // tag::refresh-lock[]
            session.refresh(a, LockMode.UPDATE_NOWAIT); // SELECT ... FOR UPDATE NOWAIT, held until commit/rollback
            // end::refresh-lock[]
            assertThat(a.title).isEqualTo("one");
            assertThat(session.dirtyObjects()).isEmpty();
            String last = sql.sql.get(sql.count() - 1);
            assertThat(last).contains("WHERE articles.id = ");
            if (!backend.isSqlite()) {
                assertThat(last).endsWith("FOR UPDATE NOWAIT");
                try (Connection other = factory.engine().connect()) {
                    assertThat(other.execute(text("SELECT id FROM articles FOR UPDATE SKIP LOCKED")).all()).hasSize(1);
                    other.rollback();
                }
            }
            session.rollback();
        }
    }
}
