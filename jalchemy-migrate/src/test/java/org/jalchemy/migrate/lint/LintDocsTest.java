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
import static org.jalchemy.migrate.Ddl.check;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.booleanType;
import static org.jalchemy.types.SqlTypes.dateTime;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;
import static org.jalchemy.types.SqlTypes.text;
import static org.jalchemy.types.SqlTypes.uuid;

/**
 * docs/migrations-lint.md documents every rule: a row in the rules table, a section, and for each
 * rule the example finding exactly as lint prints it for the op shown (so the page cannot drift
 * from the code). When this fails after a wording change, target/lint-doc-examples.md has the new
 * text to paste.
 */
class LintDocsTest {
    record Example(String dialect, String call, Consumer<Ops> upgrade) {
    }

    static Map<String, Example> examples() {
        Map<String, Example> m = new LinkedHashMap<>();
        m.put("still-mapped", new Example("postgresql", "op.dropColumn(\"users\", \"nickname\");   // the models still map users.nickname",
                op -> op.dropColumn("users", "nickname")));
        m.put("drop-table", new Example("postgresql", "op.dropTable(\"audit_log\");", op -> op.dropTable("audit_log")));
        m.put("drop-column", new Example("postgresql", "op.dropColumn(\"users\", \"email\");", op -> op.dropColumn("users", "email")));
        m.put("renaming-table", new Example("postgresql", "op.renameTable(\"user_stars\", \"user_favorites\");",
                op -> op.renameTable("user_stars", "user_favorites")));
        m.put("renaming-column", new Example("postgresql", "op.alterColumn(\"users\", \"mail\", c -> c.newName(\"email\").existingType(string(120)));",
                op -> op.alterColumn("users", "mail", c -> c.newName("email").existingType(string(120)))));
        m.put("adding-required-field", new Example("postgresql", "op.addColumn(\"recipe\", column(\"public\", booleanType()).nullable(false));",
                op -> op.addColumn("recipe", column("public", booleanType()).nullable(false))));
        m.put("ban-drop-database", new Example("postgresql", "op.execute(\"DROP DATABASE shop\");", op -> op.execute("DROP DATABASE shop")));
        m.put("ban-truncate-cascade", new Example("postgresql", "op.execute(\"TRUNCATE a, b CASCADE\");", op -> op.execute("TRUNCATE a, b CASCADE")));
        m.put("adding-not-nullable-field", new Example("postgresql",
                "op.alterColumn(\"recipe\", \"view_count\", c -> c.nullable(false).existingType(bigInteger()));",
                op -> op.alterColumn("recipe", "view_count", c -> c.nullable(false).existingType(bigInteger()))));
        m.put("changing-column-type", new Example("postgresql",
                "op.alterColumn(\"user_email\", \"user_id\", c -> c.type(bigInteger()).existingType(integer()));",
                op -> op.alterColumn("user_email", "user_id", c -> c.type(bigInteger()).existingType(integer()))));
        m.put("adding-field-with-default", new Example("postgresql",
                "op.addColumn(\"core_recipe\", column(\"foo\", uuid()).serverDefault(\"gen_random_uuid()\"));",
                op -> op.addColumn("core_recipe", column("foo", uuid()).serverDefault("gen_random_uuid()"))));
        m.put("adding-auto-increment-field", new Example("postgresql",
                "op.addColumn(\"cities_users\", column(\"id\", bigInteger()).autoincrement(true));",
                op -> op.addColumn("cities_users", column("id", bigInteger()).autoincrement(true))));
        m.put("require-concurrent-index-creation", new Example("postgresql", "op.createIndex(\"email_idx\", \"app_user\", \"email\");",
                op -> op.createIndex("email_idx", "app_user", "email")));
        m.put("require-concurrent-index-deletion", new Example("postgresql", "op.dropIndex(\"email_idx\", \"app_user\");",
                op -> op.dropIndex("email_idx", "app_user")));
        m.put("adding-foreign-key-constraint", new Example("postgresql",
                "op.createForeignKey(\"fk_user\", \"email\", \"user\", List.of(\"user_id\"), List.of(\"id\"));",
                op -> op.createForeignKey("fk_user", "email", "user", List.of("user_id"), List.of("id"))));
        m.put("constraint-missing-not-valid", new Example("postgresql",
                "op.createCheckConstraint(\"positive_balance\", \"accounts\", \"balance >= 0\");",
                op -> op.createCheckConstraint("positive_balance", "accounts", "balance >= 0")));
        m.put("disallowed-unique-constraint", new Example("postgresql",
                "op.createUniqueConstraint(\"dist_id_uniq\", \"distributors\", \"dist_id\");",
                op -> op.createUniqueConstraint("dist_id_uniq", "distributors", "dist_id")));
        m.put("adding-primary-key-constraint", new Example("postgresql", "op.createPrimaryKey(\"account_pk\", \"account\", \"id\");",
                op -> op.createPrimaryKey("account_pk", "account", "id")));
        m.put("validate-in-same-transaction", new Example("postgresql", """
                op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance"));
                op.validateConstraint("accounts", "positive_balance");""", op -> {
            op.addConstraintNotValid("accounts", check("balance >= 0").named("positive_balance"));
            op.validateConstraint("accounts", "positive_balance");
        }));
        m.put("backfill-in-ddl-transaction", new Example("postgresql", """
                op.addColumn("users", column("some_column", text()));
                op.execute("UPDATE users SET some_column = 'default_value'");""", op -> {
            op.addColumn("users", column("some_column", text()));
            op.execute("UPDATE users SET some_column = 'default_value'");
        }));
        m.put("sqlite-table-rebuild", new Example("sqlite", "op.alterColumn(\"users\", \"email\", c -> c.nullable(false));",
                op -> op.alterColumn("users", "email", c -> c.nullable(false))));
        m.put("prefer-bigint-over-int", new Example("postgresql", "op.createTable(\"posts\", column(\"id\", integer()).primaryKey());",
                op -> op.createTable("posts", column("id", integer()).primaryKey())));
        m.put("prefer-timestamptz", new Example("postgresql", "op.addColumn(\"users\", column(\"created_ts\", dateTime()));",
                op -> op.addColumn("users", column("created_ts", dateTime()))));
        m.put("unknown-rule", new Example("postgresql", "op.ignoring(\"drop-colum\").dropColumn(\"users\", \"fax\");",
                op -> op.ignoring("drop-colum").dropColumn("users", "fax")));
        return m;
    }

    /** The example as the docs show it: the call, then lint's text output for that one finding. */
    static String block(String id, Example ex) {
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
        return "```java\n" + ex.call() + "\n```\n```text\n" + text + "```\n";
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
