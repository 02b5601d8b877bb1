package org.jalchemy.cache;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.cache.CacheTesting.ID;
import static org.jalchemy.cache.CacheTesting.NAME;
import static org.jalchemy.cache.CacheTesting.USERS;
import static org.jalchemy.cache.QueryCache.cache;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.update;

/** Core selects with cache("region") on the in-process backend: hits, keys, invalidation by commits, own writes. */
class CoreCacheTest {

    private static Select byId(int id) {
        return select(ID, NAME, USERS.c("balance")).selectFrom(USERS).where(ID.eq(id)).options(cache("users"));
    }

    @BackendTest
    void aSecondExecutionIsServedFromTheCacheWithTheSameRows(Backend backend) {
        CacheTesting.seed(backend, 3);
        try (Engine engine = backend.newEngine(o -> o);
             QueryCache qc = QueryCache.builder().region("users", CaffeineBackend.create()).install(engine)) {
            List<String> sql = CacheTesting.recordSql(engine);
            List<Row> first;
            List<Row> second;
            try (Connection c = engine.connect()) {
                first = c.execute(byId(2)).all();
            }
            try (Connection c = engine.connect()) {
                second = c.execute(byId(2)).all();
                assertThat(c.execute(byId(3)).one().get(NAME)).isEqualTo("user_3"); // other values, other key
            }
            assertThat(sql).hasSize(2);
            assertThat(second).isEqualTo(first);
            assertThat(second.get(0).get(NAME)).isEqualTo("user_2");
            assertThat((BigDecimal) second.get(0).get("balance")).isEqualByComparingTo(new BigDecimal("2.50"));
            assertThat(qc.stats().hits()).isEqualTo(1);
            assertThat(qc.stats().misses()).isEqualTo(2);
            assertThat(qc.stats().puts()).isEqualTo(2);
        }
    }

    @BackendTest
    void aCommitThatWroteTheTableInvalidatesItsResults(Backend backend) {
        CacheTesting.seed(backend, 3);
        try (Engine engine = backend.newEngine(o -> o);
             QueryCache qc = QueryCache.builder().region("users", CaffeineBackend.create()).install(engine)) {
            Select all = select(NAME).selectFrom(USERS).orderBy(ID).options(cache("users"));
            try (Connection c = engine.connect()) {
                assertThat(c.execute(all).scalars().all()).hasSize(3);
                assertThat(c.execute(all).scalars().all()).hasSize(3); // hit
                c.execute(insert(USERS).values(Map.of("id", 4, "name", "user_4")));
                // this transaction wrote qc_users: it reads its own row from the database
                assertThat(c.execute(all).scalars().all()).hasSize(4);
                c.commit();
            }
            try (Connection c = engine.connect()) {
                assertThat(c.execute(all).scalars().all()).hasSize(4);
                c.execute(update(USERS).values(Map.of("name", "renamed")).where(ID.eq(1)));
                c.rollback(); // a rollback changes nothing: the cached rows stay valid
                assertThat(c.execute(all).scalars().all()).containsExactly("user_1", "user_2", "user_3", "user_4");
            }
            assertThat(qc.stats().hits()).isEqualTo(2);
            assertThat(qc.stats().invalidations()).isEqualTo(1);
        }
    }

    @BackendTest
    void unknownRegionsAreRefused(Backend backend) {
        CacheTesting.seed(backend, 2);
        try (Engine engine = backend.newEngine(o -> o);
             QueryCache qc = QueryCache.builder().region("users", CaffeineBackend.create()).install(engine);
             Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(select(NAME).selectFrom(USERS).options(cache("nope"))))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("no such region").hasMessageContaining("[users]");
            assertThat(qc.stats().misses()).isZero();
        }
    }

    @BackendTest
    void extraTablesGivenWithTheOptionInvalidateToo(Backend backend) {
        CacheTesting.seed(backend, 2);
        try (Engine engine = backend.newEngine(o -> o);
             QueryCache qc = QueryCache.builder().region("users", CaffeineBackend.create()).install(engine)) {
            Select names = select(NAME).selectFrom(USERS).orderBy(ID).options(cache("users").tables("qc_members"));
            try (Connection c = engine.connect()) {
                c.execute(names).all();
                c.execute(names).all(); // hit
                c.execute(org.jalchemy.sql.Sql.text("DELETE FROM qc_members"));
                c.commit();              // wrote qc_members, which the option named
                c.execute(names).all(); // miss
            }
            assertThat(qc.stats().hits()).isEqualTo(1);
            assertThat(qc.stats().misses()).isEqualTo(2);
        }
    }

    @BackendTest
    void resultsReadAfterOtherStatementsOfARepeatableReadTransactionAreServedButNotStored(Backend backend) {
        CacheTesting.seed(backend, 2);
        try (Engine engine = backend.newEngine(o -> o.isolationLevel(org.jalchemy.engine.IsolationLevel.REPEATABLE_READ));
             QueryCache qc = QueryCache.builder().region("users", CaffeineBackend.create()).install(engine)) {
            try (Connection c = engine.connect()) {
                c.execute(select(ID).selectFrom(USERS).where(ID.eq(1))).all(); // the snapshot may start here
                c.execute(byId(1)).all();
            }
            assertThat(qc.stats().puts()).isZero();
            try (Connection c = engine.connect()) {
                c.execute(byId(1)).all(); // first statement of its transaction: stored
            }
            assertThat(qc.stats().puts()).isEqualTo(1);
        }
    }
}
