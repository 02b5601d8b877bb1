package org.jalchemy.cache;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.sql.Select;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.cache.CacheTesting.ID;
import static org.jalchemy.cache.CacheTesting.NAME;
import static org.jalchemy.cache.CacheTesting.USERS;
import static org.jalchemy.cache.QueryCache.cache;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.update;

/**
 * Redis faults on a redis-server of the test's own (port 6393, so the shared 6379 stays up):
 * stopped, and paused beyond the command timeout. Queries go to the database with correct rows
 * and no error, one WARN per outage, and the cache comes back by itself once Redis does.
 */
class RedisFaultTest {
    static final int PORT = 6393;

    @BeforeAll
    static void start() throws Exception {
        redisCli("shutdown", "nosave"); // a leftover of an earlier run
        startRedis();
    }

    @AfterAll
    static void stop() throws Exception {
        redisCli("shutdown", "nosave");
    }

    static void startRedis() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("redis-server", "--port", String.valueOf(PORT), "--bind", "127.0.0.1",
                "--daemonize", "yes", "--save", "", "--appendonly", "no").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        for (int i = 0; i < 100; i++) {
            if (redisCli("ping").contains("PONG")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("redis-server on port " + PORT + " did not start");
    }

    static String redisCli(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "redis-cli";
        cmd[1] = "-p";
        cmd[2] = String.valueOf(PORT);
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static List<Object> names(Engine engine, Select all) {
        try (Connection c = engine.connect()) {
            return c.execute(all).scalars().all();
        }
    }

    @BackendTest
    void redisDownOrSlowSendsQueriesToTheDatabaseWarnsOnceAndRecovers(Backend backend) throws Exception {
        CacheTesting.seed(backend, 2);
        Select all = select(NAME).selectFrom(USERS).orderBy(ID).options(cache("users"));
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = backend.newEngine(o -> o);
             QueryCache qc = QueryCache.builder()
                     .region("users", RedisBackend.connect("redis://127.0.0.1:" + PORT, CacheTesting.uniquePrefix(),
                             Duration.ofMillis(200)))
                     .retryInterval(Duration.ofMillis(200))
                     .install(engine)) {
            assertThat(names(engine, all)).containsExactly("user_1", "user_2");
            assertThat(names(engine, all)).containsExactly("user_1", "user_2");
            assertThat(qc.stats().hits()).isEqualTo(1);

            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                redisCli("shutdown", "nosave");
                for (int i = 0; i < 5; i++) {
                    assertThat(names(engine, all)).containsExactly("user_1", "user_2");
                    Thread.sleep(100);
                }
                try (Connection c = engine.connect()) { // a commit while Redis is down: its increment waits
                    c.execute(update(USERS).values(Map.of("name", "renamed")).where(ID.eq(1)));
                    c.commit();
                }
                assertThat(names(engine, all)).containsExactly("renamed", "user_2");
                assertThat(qc.isDegraded()).isTrue();
                assertThat(qc.stats().errors()).isPositive();
                long hitsWhileDown = qc.stats().hits();

                startRedis();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (qc.stats().hits() == hitsWhileDown && System.nanoTime() < deadline) {
                    assertThat(names(engine, all)).containsExactly("renamed", "user_2");
                    Thread.sleep(100);
                }
                assertThat(qc.stats().hits()).isGreaterThan(hitsWhileDown);
                assertThat(qc.isDegraded()).isFalse();

                // slower than the command timeout: CLIENT PAUSE holds every command for 1.5 s
                redisCli("client", "pause", "1500", "all");
                long t0 = System.nanoTime();
                assertThat(names(engine, all)).containsExactly("renamed", "user_2");
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1200));
                Thread.sleep(1600);
                deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                long hits = qc.stats().hits();
                while (qc.stats().hits() == hits && System.nanoTime() < deadline) {
                    assertThat(names(engine, all)).containsExactly("renamed", "user_2");
                    Thread.sleep(100);
                }
                assertThat(qc.stats().hits()).isGreaterThan(hits);
            } finally {
                System.setErr(original);
            }
        }
        String out = log.toString(StandardCharsets.UTF_8);
        // one WARN for the outage, one for the pause: not one per query
        assertThat(out.split("queries go to the database until it answers", -1)).hasSize(3);
    }
}
