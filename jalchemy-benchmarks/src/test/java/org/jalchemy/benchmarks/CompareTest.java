package org.jalchemy.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --compare}: a row per (workload, backend, variant) with the change of median and ratio, and a verdict. */
class CompareTest {

    private static Results.Row row(String variant, double median, double min, double max, double ratio) {
        return new Results.Row("large_resultsets", "sqlite", variant, median, min, max, ratio, "s", null, Map.of());
    }

    @Test
    void eachRowShowsItsChangeAndWhetherTheRangesOverlap(@TempDir Path dir) throws Exception {
        Results base = new Results("m", "j", "2026-11-28", "--runs=3", List.of(
                row("jdbc", 0.100, 0.095, 0.105, 1.0),
                row("orm_full", 0.200, 0.190, 0.210, 2.0),
                row("jooq", 0.150, 0.140, 0.160, 1.5),
                row("gone_variant", 0.3, 0.3, 0.3, 3.0)));
        Results now = new Results("m", "j", "2026-12-01", "--runs=3", List.of(
                row("jdbc", 0.101, 0.096, 0.104, 1.0),
                row("orm_full", 0.120, 0.118, 0.125, 1.19),
                row("jooq", 0.155, 0.150, 0.170, 1.53),
                row("new_variant", 0.2, 0.2, 0.2, 2.0)));
        base.write(dir.resolve("base.json"));
        String table = Compare.table(Results.read(dir.resolve("base.json")), now);

        assertThat(line(table, "orm_full")).contains("-40%").contains("2.00").contains("1.19").contains("faster");
        assertThat(line(table, "jooq")).contains("+3%").contains("~");
        assertThat(line(table, "new_variant")).contains("new");
        assertThat(line(table, "gone_variant")).contains("gone");
    }

    private static String line(String table, String variant) {
        return table.lines().filter(l -> l.contains(" " + variant + " ")).findFirst()
                .orElseThrow(() -> new AssertionError(variant + " not in\n" + table));
    }
}
