package org.jalchemy.benchmarks;

import org.jalchemy.testing.Backends;
import org.jalchemy.testing.ClusterServers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale_out workload's PostgreSQL read variants run, small, on the primary and standby of
 * {@code ./dev cluster replica start}: checksums right (every request read its row), and the
 * replica variants' statements ran on the standby while the baseline's did not. Skipped when the
 * servers are down (failed with JALCHEMY_CLUSTER_REQUIRED=1). Not a timing test.
 */
class ReplicaReadsClusterSmokeTest {
    private static final int N = 120;

    @Test
    @DisplayName("scale_out read variants: checksums right, replica reads served by the standby [pg-replica]")
    void readVariantsReadEveryRowOnTheRightServer(@TempDir Path dir) throws Exception {
        ClusterServers.engine(ClusterServers.PRIMARY, "./dev cluster replica start").dispose();
        ClusterServers.engine(ClusterServers.REPLICA, "./dev cluster replica start").dispose();
        var pg = Backends.get("postgresql");
        pg.engine(); // the suite pings the backend first
        System.setProperty("bench.url.postgresql", pg.url());
        Report report;
        try {
            report = BenchMain.run(BenchOptions.parse("--backends=postgresql", "--workloads=scale_out", "--size=" + N,
                    "--runs=1", "--no-python", "--quick", "--out=" + dir.resolve("r.json")));
        } finally {
            System.clearProperty("bench.url.postgresql");
        }
        for (String variant : List.of("one_node", "replica_reads", "replica_maxlag")) {
            Measurement m = report.measurements().stream()
                    .filter(x -> x.variant().equals(variant) && x.backend().equals("postgresql")).findFirst()
                    .orElseThrow(() -> new AssertionError("not measured: " + variant));
            assertThat(m.note()).as(variant).isNull();
            assertThat(report.ratio(m)).as(variant).isNotNull();
            double onStandby = m.extra().get("standby_stmts");
            if (variant.equals("one_node")) {
                assertThat(onStandby).as(variant).isZero();
            } else {
                assertThat(onStandby).as(variant + ": one get per request, all on the standby").isEqualTo(N);
            }
        }
    }
}
