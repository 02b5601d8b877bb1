package org.jalchemy.migrate.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI prints: the text layout and the JSON document. */
class LintOutputTest {
    private static final Finding DROP = new Finding("ae1027a6acf", "R_ae1027a6acf_drop_email", 14, 0, "drop column users.email",
            "drop-column", Severity.ERROR, "postgresql", "Drops column users.email and its data.", "It cannot be undone.",
            "// later:\nop.ignoring(\"drop-column\").dropColumn(\"users\", \"email\");", "op.ignoring(\"drop-column\")...");
    private static final Finding ADVICE = new Finding("ae1027a6acf", null, 0, 1, "create table posts", "prefer-bigint-over-int",
            Severity.ADVICE, "postgresql", "Primary key posts.id is INTEGER.", "", "", "");

    private static LintReport report() {
        return new LintReport(LintTarget.of("postgresql", Integer.MAX_VALUE), List.of(DROP, ADVICE), List.of(ADVICE));
    }

    @Test
    void textHasAHeaderPerFindingThenTheIndentedWhyRecipeAndSilenceThenASummary() {
        assertThat(LintText.format(report())).isEqualTo("""
                R_ae1027a6acf line 14: drop column users.email [drop-column] error: Drops column users.email and its data.
                    why: It cannot be undone.
                    instead:
                      // later:
                      op.ignoring("drop-column").dropColumn("users", "email");
                    silence: op.ignoring("drop-column")...

                R_ae1027a6acf: create table posts [prefer-bigint-over-int] advice: Primary key posts.id is INTEGER.

                2 findings (1 error, 0 warnings, 1 advice), 1 silenced [postgresql]
                """);
        assertThat(LintText.format(report(), true)).contains("Silenced:\n  R_ae1027a6acf: create table posts [prefer-bigint-over-int]");
        assertThat(LintText.format(new LintReport(LintTarget.of("sqlite", 0), List.of(), List.of()))).isEqualTo("No findings [sqlite]\n");
    }

    @Test
    void longExplanationsWrapAtWordBoundaries() {
        List<String> lines = LintText.wrap("why: " + "word ".repeat(40).trim(), 40);
        assertThat(lines).allMatch(l -> l.length() <= 40);
        assertThat(lines.get(1)).startsWith("     word");
        assertThat(String.join(" ", lines).replaceAll("\\s+", " ")).isEqualTo("why: " + "word ".repeat(40).trim());
    }

    @Test
    void jsonCarriesEveryFieldAndTheCounts() throws Exception {
        JsonNode root = new ObjectMapper().readTree(LintJson.format(report()));
        assertThat(root.get("dialect").asText()).isEqualTo("postgresql");
        assertThat(root.get("count").asInt()).isEqualTo(1);
        assertThat(root.get("errors").asInt()).isEqualTo(1);
        assertThat(root.get("advice").asInt()).isEqualTo(1);
        JsonNode f = root.get("findings").get(0);
        assertThat(f.get("revision").asText()).isEqualTo("ae1027a6acf");
        assertThat(f.get("script").asText()).isEqualTo("R_ae1027a6acf_drop_email");
        assertThat(f.get("line").asInt()).isEqualTo(14);
        assertThat(f.get("rule").asText()).isEqualTo("drop-column");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("recipe").asText()).isEqualTo(DROP.recipe());
        assertThat(root.get("findings").get(1).get("line").isNull()).isTrue();
        assertThat(root.get("silenced")).hasSize(1);
    }
}
