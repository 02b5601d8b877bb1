package org.jalchemy.testing;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineOptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The scale-out servers of the {@code cluster} tests, started by {@code ./dev cluster replica|shards
 * start} (bin/cluster-*.sh): a PostgreSQL primary on 5433 with a streaming hot standby on 5434, and
 * two PostgreSQL shard servers on 5435 and 5436, each with database {@code test_cluster}. URLs can
 * be replaced with {@code JALCHEMY_CLUSTER_PG_PRIMARY_URL}, {@code ..._PG_REPLICA_URL},
 * {@code ..._PG_SHARD1_URL}, {@code ..._PG_SHARD2_URL}.
 *
 * <p>When a server is down the test is skipped with a JUnit assumption naming the start command,
 * unless {@code JALCHEMY_CLUSTER_REQUIRED=1} (CI, after starting them): then it fails.
 */
public final class ClusterServers {
    public static final String PRIMARY = url("JALCHEMY_CLUSTER_PG_PRIMARY_URL", 5433);
    public static final String REPLICA = url("JALCHEMY_CLUSTER_PG_REPLICA_URL", 5434);
    public static final String SHARD1 = url("JALCHEMY_CLUSTER_PG_SHARD1_URL", 5435);
    public static final String SHARD2 = url("JALCHEMY_CLUSTER_PG_SHARD2_URL", 5436);

    private ClusterServers() {
    }

    private static String url(String env, int port) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? "postgresql://postgres@127.0.0.1:" + port + "/test_cluster" : v;
    }

    /** True when {@code JALCHEMY_CLUSTER_REQUIRED=1}: a server that is down fails the test instead of skipping it. */
    public static boolean required() {
        return "1".equals(System.getenv("JALCHEMY_CLUSTER_REQUIRED"));
    }

    /**
     * An engine on {@code url} after one successful connection (within 3 s); when the server does
     * not answer, skips the test (or fails it when required), naming {@code startCommand}.
     */
    public static Engine engine(String url, String startCommand, UnaryOperator<EngineOptions.Builder> options) {
        Engine e = Jalchemy.createEngine(url, options.apply(EngineOptions.builder().poolSize(2).maxOverflow(6)
                .connectTimeout(Duration.ofSeconds(3))).build());
        try (Connection c = e.connect()) {
            c.execDriverSql("SELECT 1").close();
        } catch (RuntimeException down) {
            e.dispose();
            String msg = "cluster server " + url + " is not reachable (" + down.getMessage().lines().findFirst().orElse("")
                    + "); start it with: " + startCommand;
            if (required()) {
                Assertions.fail(msg + " [JALCHEMY_CLUSTER_REQUIRED=1]", down);
            }
            Assumptions.abort(msg);
        }
        return e;
    }

    /** {@link #engine(String, String, UnaryOperator)} with the default test pool. */
    public static Engine engine(String url, String startCommand) {
        return engine(url, startCommand, o -> o);
    }
}
