package org.jalchemy.migrate.lint;

import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.lint.rules.BuiltinRules;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * docs/migrations-lint.md documents every rule: a row in the rules table, a section, and for each
 * rule the example finding exactly as lint prints it for the op shown (so the page cannot drift
 * from the code). When this fails after a wording change, target/lint-doc-examples.md has the new
 * text to paste.
 */
class LintDocsTest {
    static final String SOURCE = "jalchemy-migrate/src/test/java/org/jalchemy/migrate/lint/LintExamples.java";

    record Example(String dialect, Consumer<Ops> upgrade) {
    }

    static Map<String, Example> examples() {
        Map<String, Example> m = new LinkedHashMap<>();
        m.put("still-mapped", new Example("postgresql", LintExamples::stillMapped));
        m.put("drop-table", new Example("postgresql", LintExamples::dropTable));
        m.put("drop-column", new Example("postgresql", LintExamples::dropColumn));
        m.put("renaming-table", new Example("postgresql", LintExamples::renamingTable));
        m.put("renaming-column", new Example("postgresql", LintExamples::renamingColumn));
        m.put("adding-required-field", new Example("postgresql", LintExamples::addingRequiredField));
        m.put("ban-drop-database", new Example("postgresql", LintExamples::banDropDatabase));
        m.put("ban-truncate-cascade", new Example("postgresql", LintExamples::banTruncateCascade));
        m.put("adding-not-nullable-field", new Example("postgresql", LintExamples::addingNotNullableField));
        m.put("changing-column-type", new Example("postgresql", LintExamples::changingColumnType));
        m.put("adding-field-with-default", new Example("postgresql", LintExamples::addingFieldWithDefault));
        m.put("adding-auto-increment-field", new Example("postgresql", LintExamples::addingAutoIncrementField));
        m.put("require-concurrent-index-creation", new Example("postgresql", LintExamples::requireConcurrentIndexCreation));
        m.put("require-concurrent-index-deletion", new Example("postgresql", LintExamples::requireConcurrentIndexDeletion));
        m.put("adding-foreign-key-constraint", new Example("postgresql", LintExamples::addingForeignKeyConstraint));
        m.put("constraint-missing-not-valid", new Example("postgresql", LintExamples::constraintMissingNotValid));
        m.put("disallowed-unique-constraint", new Example("postgresql", LintExamples::disallowedUniqueConstraint));
        m.put("adding-primary-key-constraint", new Example("postgresql", LintExamples::addingPrimaryKeyConstraint));
        m.put("validate-in-same-transaction", new Example("postgresql", LintExamples::validateInSameTransaction));
        m.put("backfill-in-ddl-transaction", new Example("postgresql", LintExamples::backfillInDdlTransaction));
        m.put("sqlite-table-rebuild", new Example("sqlite", LintExamples::sqliteTableRebuild));
        m.put("prefer-bigint-over-int", new Example("postgresql", LintExamples::preferBigintOverInt));
        m.put("prefer-timestamptz", new Example("postgresql", LintExamples::preferTimestamptz));
        m.put("unknown-rule", new Example("postgresql", LintExamples::unknownRule));
        return m;
    }

    /** The tagged region of LintExamples.java, dedented (as ./dev docs pulls it into the page). */
    static String region(String tag) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", SOURCE));
        int start = lines.indexOf("        // tag::" + tag + "[]");
        int end = lines.indexOf("        // end::" + tag + "[]");
        StringBuilder sb = new StringBuilder();
        for (String l : lines.subList(start + 1, end)) {
            sb.append(l.isBlank() ? "" : l.substring(8)).append('\n');
        }
        return sb.toString();
    }

    /** The example as the page shows it: the marked Java region, then lint's text output for that one finding. */
    static String block(String id, Example ex) throws Exception {
        MetaData md = new MetaData();
        Table users = new Table("users", md);
        users.column("id", integer()).primaryKey();
        users.column("nickname", string(40));
        LintReport r = LintHarness.on(ex.dialect()).models(md).lint(ex.upgrade());
        Finding f = r.findings(id).get(0);
        Finding shown = new Finding("ae1027a6acf", null, 12, f.opIndex(), f.op(), f.ruleId(), f.severity(), f.dialect(),
                f.message(), f.why(), f.recipe(), f.silence());
        String text = LintText.format(new LintReport(r.target(), List.of(shown), List.of()));
        text = text.substring(0, text.lastIndexOf("\n\n") + 1);        // without the summary line
        return "<!-- snippet: " + SOURCE + "#" + id + " -->\n```java\n" + region(id) + "```\n```text\n" + text + "```\n";
    }

    @Test
    void thePagesApiAndSilencingExamplesWork() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        LintReport r = LintExamples.runLint(org.jalchemy.dialect.Dialects.get("postgresql"),
                org.jalchemy.migrate.config.MigrateConfig.of(Path.of("target"), Map.of()), null,
                new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.findings()).isEmpty();
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("No findings [postgresql]\n");
        LintReport s = LintHarness.on("postgresql").lint(LintExamples::silencing);
        assertThat(s.findings()).isEmpty();
        assertThat(s.silenced()).extracting(Finding::ruleId).containsExactly("drop-column");
    }

    @Test
    void everyRuleIsDocumentedWithItsExampleAsLintPrintsIt() throws Exception {
        Path doc = Path.of("..", "docs", "migrations-lint.md");
        String page = Files.readString(doc);
        Map<String, Example> ex = examples();
        StringBuilder expected = new StringBuilder();
        List<String> missing = new ArrayList<>();
        for (LintRule rule : BuiltinRules.all()) {
            if (!page.contains("\n### `" + rule.id() + "`")) {
                missing.add("section ### `" + rule.id() + "`");
            }
            if (!page.contains("\n| `" + rule.id() + "` |")) {
                missing.add("table row | `" + rule.id() + "` |");
            }
            if (ex.containsKey(rule.id())) {
                String b = block(rule.id(), ex.get(rule.id()));
                expected.append("### `").append(rule.id()).append("`\n\n").append(b).append('\n');
                if (!page.contains(b)) {
                    missing.add("example of " + rule.id());
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "lint-doc-examples.md"), expected);
        assertThat(missing).as("docs/migrations-lint.md lacks (new text in target/lint-doc-examples.md)").isEmpty();
        assertThat(ex.keySet()).as("rules with an example").containsAll(BuiltinRules.all().stream().map(LintRule::id)
                .filter(id -> !id.equals("lint-incomplete")).toList());
    }
}
