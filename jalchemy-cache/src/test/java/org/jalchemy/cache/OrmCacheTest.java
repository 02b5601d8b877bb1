package org.jalchemy.cache;

import org.jalchemy.cache.model.Member;
import org.jalchemy.cache.model.Member_;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.cache.QueryCache.cache;
import static org.jalchemy.orm.Orm.select;

/**
 * ORM selects with cache("region"): a hit becomes objects through the session's identity map, as
 * a database load would (objects already in the session win); a flush of the session's own
 * changes makes it read the database; a commit invalidates.
 */
class OrmCacheTest {

    private static Select activeMembers() {
        return select(Member.class).where(Member_.active.eq(true)).orderBy(Member_.id).options(cache("members"));
    }

    private static void seed(Engine engine) {
        try (Session s = SessionFactory.bind(engine).open()) {
            s.add(new Member(1, "ana", true));
            s.add(new Member(2, "bob", true));
            s.add(new Member(3, "cy", false));
            s.commit();
        }
    }

    @BackendTest
    void hitsBecomeObjectsOfTheIdentityMapAndExistingObjectsWin(Backend backend) {
        CacheTesting.seed(backend, 0);
        try (Engine engine = backend.newEngine(o -> o);
             QueryCache qc = QueryCache.builder().region("members", CaffeineBackend.create()).install(engine)) {
            seed(engine);
            SessionFactory sessions = SessionFactory.bind(engine);
            try (Session s = sessions.open()) {
                assertThat(s.execute(activeMembers()).scalars(Member.class).all()).extracting(m -> m.name)
                        .containsExactly("ana", "bob");
            }
            List<String> sql = CacheTesting.recordSql(engine);
            try (Session s = sessions.open()) {
                List<Member> cached = s.execute(activeMembers()).scalars(Member.class).all();
                assertThat(cached).extracting(m -> m.name).containsExactly("ana", "bob");
                assertThat(sql).isEmpty(); // a hit
                assertThat(s.contains(cached.get(0))).isTrue();
                assertThat(s.get(Member.class, 1).orElseThrow()).isSameAs(cached.get(0)); // from the identity map
                assertThat(sql).isEmpty();
            }
            try (Session s = sessions.open()) {
                Member ana = s.get(Member.class, 1).orElseThrow(); // loaded first, from the database
                List<Member> cached = s.execute(activeMembers()).scalars(Member.class).all();
                assertThat(cached.get(0)).isSameAs(ana);
            }
            assertThat(qc.stats().hits()).isEqualTo(2);
        }
    }

    @BackendTest
    void aSessionsOwnChangesAreReadFromTheDatabaseAndItsCommitInvalidates(Backend backend) {
        CacheTesting.seed(backend, 0);
        try (Engine engine = backend.newEngine(o -> o);
             QueryCache qc = QueryCache.builder().region("members", CaffeineBackend.create()).install(engine)) {
            seed(engine);
            SessionFactory sessions = SessionFactory.bind(engine);
            try (Session s = sessions.open()) {
                s.execute(activeMembers()).scalars(Member.class).all(); // stored
            }
            try (Session s = sessions.open()) {
                Member cy = s.get(Member.class, 3).orElseThrow();
                cy.active = true; // autoflushed before the query: the transaction wrote qc_members
                assertThat(s.execute(activeMembers()).scalars(Member.class).all()).extracting(m -> m.name)
                        .containsExactly("ana", "bob", "cy");
                s.commit();
            }
            try (Session s = sessions.open()) {
                assertThat(s.execute(activeMembers()).scalars(Member.class).all()).extracting(m -> m.name)
                        .containsExactly("ana", "bob", "cy");
            }
            assertThat(qc.stats().hits()).isZero();
            assertThat(qc.stats().invalidations()).isPositive();
        }
    }
}
