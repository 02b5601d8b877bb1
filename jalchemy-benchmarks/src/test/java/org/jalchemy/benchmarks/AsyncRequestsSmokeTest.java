package org.jalchemy.benchmarks;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The async_requests workload runs, small, on the module's own PostgreSQL and MariaDB databases:
 * every variant's checksum is right (each request's update kept, none lost, no pool timeout) and
 * its load figures are there; on SQLite the workload is not run. Not a timing test.
 */
class AsyncRequestsSmokeTest {

    private static Report run(Backend backend, Path dir, String... extra) throws Exception {
        backend.engine();                                            // creates the module's database if missing
        String key = "bench.url." + backend.name();
        System.setProperty(key, backend.url());
        try {
            List<String> args = new java.util.ArrayList<>(List.of("--backends=" + backend.name(),
                    "--workloads=async_requests", "--size=200", "--runs=1", "--out=" + dir.resolve("r.json")));
            args.addAll(List.of(extra));
            return BenchMain.run(BenchOptions.parse(args.toArray(String[]::new)));
        } finally {
            System.clearProperty(key);
        }
    }

    @BackendTest
    void everyJavaVariantServesTheRequestsAndReportsItsLoad(Backend backend, @TempDir Path dir) throws Exception {
        System.setProperty("bench.dir", dir.toString());
        Report report = run(backend, dir, "--no-python");
        System.clearProperty("bench.dir");
        if (backend.isSqlite()) {
            assertThat(report.measurements()).as("SQLite has one writer at a time: not run").isEmpty();
            return;
        }
        for (String variant : List.of("platform_threads", "virtual_threads", "jalchemy_async")) {
            Measurement m = report.measurements().stream().filter(x -> x.variant().equals(variant)).findFirst()
                    .orElseThrow(() -> new AssertionError("not measured: " + variant));
            assertThat(m.note()).as(variant).isNull();
            Map<String, Double> e = m.extra();
            assertThat(e).as(variant).containsKeys("requests_per_s", "p50_ms", "p99_ms", "peak_threads", "live_heap_mb");
            assertThat(e.get("requests_per_s")).isPositive();
            assertThat(e.get("p50_ms")).isPositive().isLessThanOrEqualTo(e.get("p99_ms"));
            assertThat(e.get("live_heap_mb")).isPositive();
            if (variant.equals("platform_threads")) {
                assertThat(e.get("peak_threads")).as("its 200 threads").isGreaterThanOrEqualTo(200);
            } else {
                assertThat(e.get("peak_threads")).as("virtual threads are not platform threads").isLessThan(100);
            }
            assertThat(report.ratio(m)).isNotNull();
        }
        assertThat(report.table()).contains("req/s").contains("jalchemy_async");
    }

    @BackendTest
    void sqlalchemyAsyncioAgreesOnTheChecksum(Backend backend, @TempDir Path dir) throws Exception {
        assumeTrue(!backend.isSqlite(), "async_requests does not run on SQLite");
        String missing = SqlAlchemyBridge.unavailableAsync(backend.name());
        assumeTrue(missing == null, () -> "SQLAlchemy asyncio not installed here: " + missing);
        Report report = run(backend, dir, "--variants=sqlalchemy_asyncio");
        Measurement sa = report.measurements().stream().filter(x -> x.variant().equals("sqlalchemy_asyncio"))
                .findFirst().orElseThrow();
        assertThat(sa.note()).isNull();
        assertThat(sa.extra()).containsKeys("requests_per_s", "p50_ms", "p99_ms", "peak_threads");
    }
}
