package org.jalchemy.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --render-tables}: marked regions are regenerated from a results file, text outside them
 * is untouched; and the tables checked into the README and docs/performance.md are the ones
 * {@code bench/results/latest.json} renders (nobody edited a figure by hand).
 */
class TableRendererTest {

    private static final Results RESULTS = new Results("Linux, 2 x CPU", "JDK 25", "2026-12-01", "--runs=3", List.of(
            new Results.Row("large_resultsets", "sqlite", "jdbc", 0.1, 0.09, 0.11, 1.0, "s", null, Map.of()),
            new Results.Row("large_resultsets", "sqlite", "orm_full", 0.12, 0.11, 0.13, 1.2, "s", null, Map.of()),
            new Results.Row("large_resultsets", "postgresql", "jdbc", 0.2, 0.2, 0.2, 1.0, "s", null, Map.of()),
            new Results.Row("large_resultsets", "postgresql", "orm_full", 0.3, 0.3, 0.3, 1.5, "s", null, Map.of()),
            new Results.Row("large_resultsets", "postgresql", "jooq", null, null, null, null, "s", "failed: x", Map.of()),
            new Results.Row("large_resultsets", "sqlite", "jdbc_objects", 0.11, 0.1, 0.12, 1.1, "s", null, Map.of()),
            new Results.Row("large_resultsets", "postgresql", "jdbc_objects", 0.27, 0.27, 0.27, 1.35, "s", null, Map.of()),
            new Results.Row("large_resultsets", "sqlite", "core", 0.12, 0.12, 0.12, 1.2, "s", null, Map.of()),
            new Results.Row("large_resultsets", "sqlite", "jdbc_rows", 0.102, 0.102, 0.102, 1.02, "s", null, Map.of())));

    @Test
    void regionsAreRegeneratedAndTheRestIsKept() {
        String doc = "intro\n<!-- bench-table: ratios exclude=jdbc -->\nstale\n<!-- /bench-table -->\nmiddle\n"
                + "<!-- bench-table: targets -->\n<!-- /bench-table -->\n<!-- bench-table: machine -->\n<!-- /bench-table -->\nend\n";
        String out = TableRenderer.render(doc, RESULTS);
        assertThat(out).startsWith("intro\n").contains("\nmiddle\n").endsWith("end\n").doesNotContain("stale");
        assertThat(out).contains("| workload | variant | sqlite | postgresql |")
                .contains("| large_resultsets | orm_full | 1.20 | 1.50 |")
                .contains("| large_resultsets | jooq | - | - |")
                .doesNotContain("| jdbc |");
        assertThat(out).contains("| target | bound | floor | sqlite | postgresql |")
                .contains("| large_resultsets orm_full | ≤ 1.3 | jdbc_objects; session: jdbc_tracked | 1.20 (floor 1.10) met | 1.50 (floor 1.35) floor above bound |")
                .contains("| large_resultsets core | ≤ 1.05 | jdbc_rows | 1.20 (floor 1.02) missed | - |");
        assertThat(out).contains("Measured on Linux, 2 x CPU; JDK: JDK 25; 2026-12-01; `./dev bench --runs=3`.");
        assertThat(TableRenderer.render(out, RESULTS)).as("idempotent").isEqualTo(out);
    }

    @Test
    void memoryIsHeldToHibernateWithTheTrackedPlainObjectsAsItsSessionFloor() {
        Results mem = new Results("m", "j", null, null, List.of(
                new Results.Row("memory", "sqlite", "hibernate_session", 555.5, 555.5, 555.5, 1.96, "bytes/object", null, Map.of()),
                new Results.Row("memory", "sqlite", "plain_list", 284.1, 284.1, 284.1, 1.0, "bytes/object", null, Map.of()),
                new Results.Row("memory", "sqlite", "plain_tracked", 346.5, 346.5, 346.5, 1.22, "bytes/object", null, Map.of()),
                new Results.Row("memory", "sqlite", "orm", 456.8, 456.8, 456.8, 1.61, "bytes/object", null, Map.of()),
                new Results.Row("memory", "mariadb", "hibernate_session", 665.2, 665.2, 665.2, 2.34, "bytes/object", null, Map.of()),
                new Results.Row("memory", "mariadb", "plain_list", 284.1, 284.1, 284.1, 1.0, "bytes/object", null, Map.of()),
                new Results.Row("memory", "mariadb", "plain_tracked", 346.5, 346.5, 346.5, 1.22, "bytes/object", null, Map.of()),
                new Results.Row("memory", "mariadb", "orm", 456.8, 456.8, 456.8, 1.61, "bytes/object", null, Map.of())));
        assertThat(TableRenderer.targets(mem)).contains(
                "| memory orm vs hibernate_session | ≤ 0.5 | session: plain_tracked | 0.82 (session 0.62) session floor above bound | 0.69 (session 0.52) session floor above bound |");
    }

    @Test
    void aSessionFloorBelowTheBoundLeavesAMissAMiss() {
        Results r = new Results("m", "j", null, null, List.of(
                new Results.Row("bulk_inserts", "sqlite", "jdbc", 0.055, 0.055, 0.055, 1.0, "s", null, Map.of()),
                new Results.Row("bulk_inserts", "sqlite", "jdbc_returning", 0.067, 0.067, 0.067, 1.22, "s", null, Map.of()),
                new Results.Row("bulk_inserts", "sqlite", "jdbc_returning_tracked", 0.070, 0.070, 0.070, 1.28, "s", null, Map.of()),
                new Results.Row("bulk_inserts", "sqlite", "orm_flush_no_pk", 0.082, 0.082, 0.082, 1.49, "s", null, Map.of()),
                new Results.Row("bulk_inserts", "mariadb", "jdbc", 0.1, 0.1, 0.1, 1.0, "s", null, Map.of()),
                new Results.Row("bulk_inserts", "mariadb", "jdbc_returning", 0.125, 0.125, 0.125, 1.25, "s", null, Map.of()),
                new Results.Row("bulk_inserts", "mariadb", "jdbc_returning_tracked", 0.135, 0.135, 0.135, 1.35, "s", null, Map.of()),
                new Results.Row("bulk_inserts", "mariadb", "orm_flush_no_pk", 0.15, 0.15, 0.15, 1.5, "s", null, Map.of())));
        assertThat(TableRenderer.targets(r)).contains("| bulk_inserts orm_flush_no_pk | ≤ 1.3 | jdbc_returning; session: "
                + "jdbc_returning_tracked | 1.49 (floor 1.22, session 1.27) missed | 1.50 (floor 1.25, session 1.35) session floor above bound |");
    }

    @Test
    void rowsShowMedianMinMaxAndNotes() {
        String out = TableRenderer.table("rows backends=postgresql", RESULTS);
        assertThat(out).contains("| large_resultsets | postgresql | orm_full | 0.300 | 0.300 | 0.300 | 1.50x |")
                .contains("| large_resultsets | postgresql | jooq | failed: x | - | - | - |")
                .doesNotContain("sqlite");
    }

    @Test
    void aMarkerMayRenderFromAnotherResultsFile() {
        Results other = new Results("other machine", "JDK 21", null, null, List.of(
                new Results.Row("memory", "sqlite", "orm", 446.3, 446.3, 446.3, 1.57, "bytes/object", null,
                        Map.of("retained_mb", 42.6))));
        String doc = "<!-- bench-table: figures file=bench/results/other.json columns=retained_mb -->\n<!-- /bench-table -->\n";
        String out = TableRenderer.render(doc, RESULTS, f -> {
            assertThat(f).isEqualTo("bench/results/other.json");
            return other;
        });
        assertThat(out).contains("| memory | sqlite | orm | 446.3 bytes/object | 1.57x | 42.6 |");
        assertThatThrownBy(() -> TableRenderer.render(doc, RESULTS)).hasMessageContaining("file=bench/results/other.json");
    }

    @Test
    void anUnknownKindOrOptionIsNamed() {
        assertThatThrownBy(() -> TableRenderer.table("ratio", RESULTS)).hasMessageContaining("unknown kind 'ratio'");
        assertThatThrownBy(() -> TableRenderer.table("ratios workload=x", RESULTS))
                .hasMessageContaining("unknown option 'workload=x'");
    }

    @Test
    void theCheckedInTablesAreThoseOfLatestJson() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Results latest = Results.read(root.resolve("bench/results/latest.json"));
        for (String f : TableRenderer.FILES) {
            String doc = Files.readString(root.resolve(f));
            assertThat(doc).as(f + " has generated tables").contains("<!-- bench-table:");
            String rendered = TableRenderer.render(doc, latest, file -> {
                try {
                    return Results.read(root.resolve(file));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(rendered).as(f + ": run ./dev bench --render-tables").isEqualTo(doc);
        }
    }
}
