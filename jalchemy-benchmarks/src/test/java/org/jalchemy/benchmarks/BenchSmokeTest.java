package org.jalchemy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proves the suite runs: every workload at n=10 on SQLite (quick mode: short warm-ups), each variant's checksum checked by the
 * harness. Not a timing test: no assertion looks at seconds beyond "measured".
 */
class BenchSmokeTest {

    @BeforeAll
    static void sqliteUnderTarget() {
        System.setProperty("bench.dir", "target");
    }

    private static Report run(Path out, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--quick", "--backends=sqlite", "--size=10", "--runs=1",
                "--out=" + out));
        args.addAll(List.of(extra));
        Report report = BenchMain.run(BenchOptions.parse(args.toArray(String[]::new)));
        report.writeJson(out, "smoke", BenchMain.jdk());
        return report;
    }

    @Test
    void everyJavaVariantRunsWithTheRightChecksumAndIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("latest.json");
        // every workload, the child-process ones (boot, streaming) too, which --quick leaves out unless named
        String every = java.util.Arrays.stream(Workload.values()).map(Workload::key).collect(Collectors.joining(","));
        Report report = run(out, "--no-python", "--workloads=" + every);

        for (Variant v : Catalog.variants()) {
            if (!v.workload().runsOn("sqlite")) {
                assertThat(report.measurements()).noneMatch(x -> x.workload().equals(v.workload().key()));
                continue;
            }
            Measurement m = report.measurements().stream()
                    .filter(x -> x.workload().equals(v.workload().key()) && x.variant().equals(v.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("not measured: " + v));
            if (v.name().equals("flyway")) { // the one variant that cannot run on SQLite: said so, not failed
                assertThat(m.note()).startsWith("not run: Flyway");
                continue;
            }
            assertThat(m.note()).as(v.workload().key() + "/" + v.name()).isNull();
            if (v.workload() == Workload.MEMORY) {
                assertThat(m.median()).isNotNull(); // bytes over 10 objects: GC noise can make it anything
            } else {
                assertThat(m.median()).isNotNull().isPositive();
            }
        }
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("machine").asText()).isEqualTo("smoke");
        Set<String> keys = json.get("results").get(0).properties().stream().map(java.util.Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(keys).containsExactlyInAnyOrder("workload", "backend", "variant", "seconds", "min", "max", "ratio_to_jdbc");
        for (JsonNode r : json.get("results")) {
            String variant = r.get("variant").asText();
            if (variant.equals("jdbc") || variant.equals("handwritten")) {
                assertThat(r.get("ratio_to_jdbc").asDouble()).isEqualTo(1.0);
            }
        }
        // the loader variants (relationships) are measured and written like every other
        JsonNode selectin = null;
        for (JsonNode r : json.get("results")) {
            if (r.get("workload").asText().equals("loaders") && r.get("variant").asText().equals("selectin")) {
                selectin = r;
            }
        }
        assertThat(selectin).isNotNull();
        assertThat(selectin.get("seconds").asDouble()).isPositive();
        assertThat(selectin.get("ratio_to_jdbc").isNull()).isFalse();
    }

    @Test
    void sqlalchemyScriptAgreesOnTheChecksums(@TempDir Path dir) throws Exception {
        String missing = SqlAlchemyBridge.unavailable("sqlite");
        assumeTrue(missing == null, () -> "SQLAlchemy side not installed here: " + missing);
        Report report = run(dir.resolve("latest.json"), "--variants=sqlalchemy_core,sqlalchemy_orm,alembic");
        List<Measurement> sa = report.measurements().stream().filter(m -> m.variant().startsWith("sqlalchemy_")).toList();
        long suite = java.util.Arrays.stream(Workload.values()).filter(Workload::inSqlAlchemySuite).count();
        assertThat(sa).hasSize(2 * (int) suite);
        assertThat(sa).allSatisfy(m -> assertThat(m.note()).as(m.workload() + "/" + m.variant()).isNull());
        // Alembic runs the migration workloads on the same fixtures, checksums checked the same way
        List<Measurement> alembic = report.measurements().stream().filter(m -> m.variant().equals("alembic")).toList();
        if (org.jalchemy.benchmarks.migrate.AlembicBridge.unavailable("sqlite") == null) {
            assertThat(alembic).hasSize(2).allSatisfy(m -> assertThat(m.note()).as(m.workload()).isNull());
        } else {
            assertThat(alembic).allSatisfy(m -> assertThat(m.note()).startsWith("not run:"));
        }
    }

    @Test
    void aWrongChecksumIsReportedNotTimed() {
        Runner runner = new Runner(BenchOptions.parse("--backends=sqlite", "--size=10", "--runs=1"));
        try (BenchBackend b = new BenchBackend("sqlite", BenchOptions.urls().get("sqlite"))) {
            Workload.SHORT_SELECTS.create(b, 10);
            Measurement m = runner.measure(b, Variant.of(Workload.SHORT_SELECTS, "lazy_liar", (bb, n) -> 42), 10);
            assertThat(m.note()).startsWith("wrong checksum");
            assertThat(m.median()).isNull();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
