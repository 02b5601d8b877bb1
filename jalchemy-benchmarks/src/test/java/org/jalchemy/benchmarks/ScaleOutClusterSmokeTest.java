package org.jalchemy.benchmarks;

import org.jalchemy.testing.Backends;
import org.jalchemy.testing.GaleraCluster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale_out workload's Galera variants run, small, on the cluster of
 * {@code ./dev cluster galera start}: each checksum right (every transaction's row and counter
 * increment there once), retries and conflicts reported, the spread variants compared with
 * {@code one_node}. Skipped when the cluster is not up (failed with JALCHEMY_CLUSTER_REQUIRED=1);
 * {@link #withoutTheClusterTheVariantsAreReportedNotRun} checks the other side. Not a timing test.
 */
class ScaleOutClusterSmokeTest {
    private static final List<String> GALERA = List.of("one_node", "three_nodes", "load_balance");

    private static Report run(Path dir) throws Exception {
        var mariadb = Backends.get("mariadb");
        mariadb.engine();                                            // the suite pings the backend first
        System.setProperty("bench.url.mariadb", mariadb.url());
        try {
            return BenchMain.run(BenchOptions.parse("--backends=mariadb", "--workloads=scale_out", "--size=80",
                    "--runs=1", "--no-python", "--quick", "--out=" + dir.resolve("r.json")));
        } finally {
            System.clearProperty("bench.url.mariadb");
        }
    }

    @Test
    @DisplayName("[galera] scale_out cluster variants: checksums right, retries and conflicts reported")
    void galeraVariantsWriteEveryTransactionOnceAndReportTheirRetries(@TempDir Path dir) throws Exception {
        GaleraCluster.require();
        Report report = run(dir);
        for (String variant : GALERA) {
            Measurement m = report.measurements().stream().filter(x -> x.variant().equals(variant)).findFirst()
                    .orElseThrow(() -> new AssertionError("not measured: " + variant));
            assertThat(m.note()).as(variant).isNull();
            Map<String, Double> e = m.extra();
            assertThat(e).as(variant).containsKeys("requests_per_s", "retried_tx", "retries", "conflicts", "gave_up");
            assertThat(e.get("gave_up")).as(variant).isZero();
            assertThat(e.get("retries")).as(variant).isGreaterThanOrEqualTo(e.get("conflicts"));
            assertThat(report.ratio(m)).as(variant).isNotNull();
        }
        assertThat(report.table()).contains("conflicts").contains("three_nodes");
    }

    @Test
    @DisplayName("[galera] scale_out without the cluster: reported not run, not failed")
    void withoutTheClusterTheVariantsAreReportedNotRun() {
        org.junit.jupiter.api.Assumptions.assumeFalse(clusterUp(), "the cluster is up: the other test covers it");
        // the variants' check, without the harness: what the report would say
        Variant v = Catalog.variants().stream().filter(x -> x.name().equals("three_nodes")).findFirst().orElseThrow();
        try (BenchBackend b = new BenchBackend("mariadb", Backends.get("mariadb").url())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> v.body().run(b, 10))
                    .isInstanceOf(Variant.NotApplicable.class)
                    .hasMessageContaining("Galera cluster not up").hasMessageContaining("./dev cluster galera start");
        }
    }

    private static boolean clusterUp() {
        try {
            GaleraCluster.require();
            return true;
        } catch (org.opentest4j.TestAbortedException | AssertionError e) {
            return false;
        }
    }
}
