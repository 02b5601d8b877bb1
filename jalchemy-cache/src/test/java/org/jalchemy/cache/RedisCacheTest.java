package org.jalchemy.cache;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.cache.CacheTesting.ID;
import static org.jalchemy.cache.CacheTesting.NAME;
import static org.jalchemy.cache.CacheTesting.USERS;
import static org.jalchemy.cache.QueryCache.cache;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.update;

/**
 * Two engines — two application instances — sharing the Redis on 127.0.0.1:6379 (each test run
 * under its own key prefix): one's commits invalidate what the other cached, at once.
 */
class RedisCacheTest {
    static final String REDIS = "redis://127.0.0.1:6379";

    private static QueryCache install(Engine engine, String prefix) {
        return QueryCache.builder()
                .region(Region.of("users", RedisBackend.connect(REDIS, prefix, Duration.ofMillis(500)))
                        .ttl(Duration.ofMinutes(1)))
                .install(engine);
    }

    @BackendTest
    void aCommitInOneInstanceInvalidatesWhatTheOtherCached(Backend backend) {
        CacheTesting.seed(backend, 3);
        String prefix = CacheTesting.uniquePrefix();
        Select all = select(NAME).selectFrom(USERS).orderBy(ID).options(cache("users"));
        try (Engine a = backend.newEngine(o -> o); Engine b = backend.newEngine(o -> o);
             QueryCache ca = install(a, prefix); QueryCache cb = install(b, prefix)) {
            List<String> sqlA = CacheTesting.recordSql(a);
            List<String> sqlB = CacheTesting.recordSql(b);
            try (Connection c = a.connect()) {
                assertThat(c.execute(all).scalars().all()).containsExactly("user_1", "user_2", "user_3");
            }
            try (Connection c = b.connect()) { // instance B is served what A stored
                assertThat(c.execute(all).scalars().all()).containsExactly("user_1", "user_2", "user_3");
            }
            assertThat(sqlB).isEmpty();
            assertThat(cb.stats().hits()).isEqualTo(1);

            try (Connection c = b.connect()) { // B writes and commits
                c.execute(update(USERS).values(Map.of("name", "renamed")).where(ID.eq(2)));
                c.commit();
            }
            // A has observed that commit (it returned): A must not see the older rows
            try (Connection c = a.connect()) {
                assertThat(c.execute(all).scalars().all()).containsExactly("user_1", "renamed", "user_3");
            }
            assertThat(sqlA).hasSize(2);
            try (Connection c = b.connect()) {
                assertThat(c.execute(all).scalars().all()).containsExactly("user_1", "renamed", "user_3");
            }
            assertThat(cb.stats().hits()).isEqualTo(2);
        }
    }

    @BackendTest
    void interleavedReadersAndWritersNeverSeeRowsOlderThanTheLastCommit(Backend backend) throws Exception {
        CacheTesting.seed(backend, 1);
        String prefix = CacheTesting.uniquePrefix();
        Select count = select(org.jalchemy.sql.Sql.func.count(ID)).selectFrom(USERS).options(cache("users"));
        try (Engine a = backend.newEngine(o -> o); Engine b = backend.newEngine(o -> o);
             QueryCache ca = install(a, prefix); QueryCache cb = install(b, prefix)) {
            for (int i = 2; i <= 15; i++) {
                Engine writer = i % 2 == 0 ? a : b;
                try (Connection c = writer.connect()) {
                    c.execute(insert(USERS).values(Map.of("id", i, "name", "user_" + i)));
                    c.commit();
                }
                for (Engine reader : new Engine[]{a, b, a, b}) {
                    try (Connection c = reader.connect()) {
                        assertThat(((Number) c.execute(count).scalarOne()).intValue()).isEqualTo(i);
                    }
                }
            }
            assertThat(ca.stats().hits() + cb.stats().hits()).isGreaterThanOrEqualTo(14 * 2);
        }
    }
}
