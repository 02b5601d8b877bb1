package org.jalchemy.benchmarks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's order of runs: variants warm up and are timed round-robin (A B C A B C …), a
 * failing variant leaves the rotation without stopping the others, and each measurement carries
 * min, median and max of its timed runs. Bookkeeping only: no assertion on how long anything took.
 */
class RunnerTest {

    @BeforeAll
    static void sqliteUnderTarget() {
        System.setProperty("bench.dir", "target");
    }

    @Test
    void variantsAreWarmedUpAndTimedInterleaved() throws Exception {
        List<String> calls = new ArrayList<>();
        long right = Workload.SHORT_SELECTS.expected(10);
        List<Variant> vs = List.of("a", "b", "c").stream()
                .map(name -> Variant.of(Workload.SHORT_SELECTS, name, (b, n) -> {
                    calls.add(name);
                    return right;
                })).toList();
        Runner runner = new Runner(BenchOptions.parse("--backends=sqlite", "--size=10", "--runs=4", "--quick"));
        try (BenchBackend b = new BenchBackend("sqlite", BenchOptions.urls().get("sqlite"))) {
            Workload.SHORT_SELECTS.create(b, 10);
            List<Measurement> ms = runner.measure(b, vs, 10);

            assertThat(calls.subList(0, 3)).as("first warm-up round").containsExactly("a", "b", "c");
            assertThat(calls.subList(calls.size() - 12, calls.size())).as("timed rounds")
                    .containsExactly("a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c");
            assertThat(ms).extracting(Measurement::variant).containsExactly("a", "b", "c");
            for (Measurement m : ms) {
                assertThat(m.note()).isNull();
                assertThat(m.times()).hasSize(4);
                assertThat(m.min()).isLessThanOrEqualTo(m.median());
                assertThat(m.median()).isLessThanOrEqualTo(m.max());
            }
        }
    }

    @Test
    void aFailingVariantLeavesTheRotationAndTheOthersAreMeasured() throws Exception {
        List<String> calls = new ArrayList<>();
        long right = Workload.SHORT_SELECTS.expected(10);
        List<Variant> vs = List.of(
                Variant.of(Workload.SHORT_SELECTS, "ok", (b, n) -> {
                    calls.add("ok");
                    return right;
                }),
                Variant.of(Workload.SHORT_SELECTS, "liar", (b, n) -> {
                    calls.add("liar");
                    return 42;
                }),
                Variant.of(Workload.SHORT_SELECTS, "broken", (b, n) -> {
                    calls.add("broken");
                    throw new IllegalStateException("boom");
                }));
        Runner runner = new Runner(BenchOptions.parse("--backends=sqlite", "--size=10", "--runs=2", "--quick"));
        try (BenchBackend b = new BenchBackend("sqlite", BenchOptions.urls().get("sqlite"))) {
            Workload.SHORT_SELECTS.create(b, 10);
            List<Measurement> ms = runner.measure(b, vs, 10);
            assertThat(ms.get(0).note()).isNull();
            assertThat(ms.get(0).median()).isNotNull();
            assertThat(ms.get(1).note()).startsWith("wrong checksum");
            assertThat(ms.get(2).note()).startsWith("failed: java.lang.IllegalStateException: boom");
            assertThat(calls.stream().filter("liar"::equals)).hasSize(1);
            assertThat(calls.stream().filter("broken"::equals)).hasSize(1);
        }
    }

    @Test
    void aBodyMayReportItsOwnValue() throws Exception {
        long right = Workload.SHORT_SELECTS.expected(10);
        Variant v = Variant.of(Workload.SHORT_SELECTS, "self_timed", (b, n) -> {
            RunFigures.value(1234.5);
            RunFigures.put("answer", 42);
            return right;
        });
        Runner runner = new Runner(BenchOptions.parse("--backends=sqlite", "--size=10", "--runs=3", "--quick"));
        try (BenchBackend b = new BenchBackend("sqlite", BenchOptions.urls().get("sqlite"))) {
            Workload.SHORT_SELECTS.create(b, 10);
            Measurement m = runner.measure(b, v, 10);
            assertThat(m.median()).isEqualTo(1234.5);
            assertThat(m.extra()).containsEntry("answer", 42.0);
        }
    }
}
