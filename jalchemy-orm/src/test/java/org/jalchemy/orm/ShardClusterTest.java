package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.ShardedSessionTest.Shards;
import org.jalchemy.orm.scalemodel.Customer;
import org.jalchemy.orm.shard.ShardedSession;
import org.jalchemy.testing.ClusterServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/**
 * {@link ShardedSession} on two real PostgreSQL servers (shard "eu" on 5435, "us" on 5436;
 * {@code ./dev cluster shards start}): the scenarios of {@link ShardedSessionTest}, where nothing
 * can cross between shards because they share no catalog, sequence or connection. Skipped when the
 * servers are down, failed instead under {@code JALCHEMY_CLUSTER_REQUIRED=1}.
 */
class ShardClusterTest {
    private static final String START = "./dev cluster shards start";
    private static Engine eu;
    private static Engine us;
    private Shards sh;

    @BeforeAll
    static void servers() {
        eu = ClusterServers.engine(ClusterServers.SHARD1, START);
        us = ClusterServers.engine(ClusterServers.SHARD2, START);
    }

    @AfterAll
    static void dispose() {
        if (eu != null) {
            eu.dispose();
        }
        if (us != null) {
            us.dispose();
        }
    }

    @BeforeEach
    void freshTables() {
        sh = Shards.on(eu, us);
    }

    private static int port(Connection c) {
        return ((Number) c.execute(text("SELECT inet_server_port()")).scalarOne()).intValue();
    }

    @Test
    @DisplayName("new objects go to the chosen server, children to their parent's [pg-shards]")
    void placement() {
        ShardedSessionTest.newObjectsGoWhereTheShardChooserSaysAndChildrenFollowTheirParent(sh);
        try (ShardedSession s = sh.factory().open()) {
            Customer ana = s.get(Customer.class, 1).orElseThrow();
            assertThat(s.shardOf(ana)).contains("eu");
            assertThat(port(s.shard("eu").connection())).isNotEqualTo(port(s.shard("us").connection()));
        }
    }

    @Test
    @DisplayName("get asks the identity chooser; identity keys carry the shard [pg-shards]")
    void identity() {
        ShardedSessionTest.getAsksTheIdentityChooserAndTheIdentityKeyCarriesTheShard(sh);
        ShardedSessionTest.theSameKeyOnTwoShardsIsTwoObjects(Shards.on(eu, us));
    }

    @Test
    @DisplayName("fan-out query merged with ORDER BY, OFFSET and LIMIT after the merge [pg-shards]")
    void fanOut() {
        ShardedSessionTest.fanOutMergesWithOrderByOffsetAndLimitAppliedAfterTheMerge(sh);
    }

    @Test
    @DisplayName("relationships stay within one shard [pg-shards]")
    void relationships() {
        ShardedSessionTest.relationshipsStayWithinOneShard(sh);
    }

    @Test
    @DisplayName("bulk statements and rollback on both servers [pg-shards]")
    void bulkAndRollback() {
        ShardedSessionTest.bulkStatementsRunOnEveryChosenShard(sh);
        ShardedSessionTest.aFailedTransactionRollsBackEveryShard(Shards.on(eu, us));
    }
}
