package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.jalchemy.migrate.lint.LintReport;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;
import static org.jalchemy.types.SqlTypes.text;

class StillMappedRuleTest {
    static final String RULE = "still-mapped";

    /** The application's models: users(id, email, mail_old), posts(id). */
    static MetaData models() {
        MetaData md = new MetaData();
        Table users = new Table("users", md);
        users.column("id", integer()).primaryKey();
        users.column("email", string(120));
        Table posts = new Table("posts", md);
        posts.column("id", integer()).primaryKey();
        return md;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb", "sqlite"})
    void firesOnRenamingAColumnTheModelsStillRead(String dialect) {
        LintReport r = LintHarness.on(dialect).models(models()).lint(op -> op.alterColumn("users", "email", c -> c.newName("mail")));
        Finding f = fires(r, RULE);
        assertThat(f.message()).isEqualTo("Renames column users.email, which the models still map: the application at this revision fails on it.");
        assertThat(f.recipe()).contains("@Column(name = \"mail\")");
        silent(r, "renaming-column");
    }

    @Test
    void firesOnDroppingAMappedColumnOrTableAndRenamingAMappedTable() {
        LintHarness h = LintHarness.on("postgresql").models(models());
        fires(h.lint(op -> op.dropColumn("users", "EMAIL")), RULE);
        fires(h.lint(op -> op.dropTable("posts")), RULE);
        fires(h.lint(op -> op.renameTable("posts", "articles")), RULE);
        fires(h.lint(op -> op.execute("ALTER TABLE users DROP COLUMN email")), RULE);
    }

    @Test
    void silentWhenTheModelsNoLongerMapTheNameOrWhenLaterOpsBringItBack() {
        LintHarness h = LintHarness.on("postgresql").models(models());
        LintReport dropUnmapped = h.lint(op -> op.dropColumn("users", "legacy_flag"));
        silent(dropUnmapped, RULE);
        fires(dropUnmapped, "drop-column");
        silent(h.lint(op -> op.alterColumn("users", "mail", c -> c.newName("email"))), RULE);
        silent(h.lint(op -> {
            op.dropColumn("users", "email");
            op.addColumn("users", column("email", text()));
        }), RULE);
        silent(h.lint(op -> op.dropTable("posts"), op -> op.renameTable("posts_v2", "posts")), RULE);
    }

    @Test
    void silentWithoutModelsAndWhenSilenced() {
        silent(LintHarness.on("postgresql").lint(op -> op.dropColumn("users", "email")), RULE);
        silenced(LintHarness.on("postgresql").models(models()).lint(op -> op.ignoring(RULE).dropColumn("users", "email")), RULE);
    }

    @Test
    void silencingTheMappedRuleBringsBackTheGenericOne() {
        LintReport r = LintHarness.on("postgresql").models(models()).lint(op -> op.ignoring(RULE).dropColumn("users", "email"));
        silenced(r, RULE);
        fires(r, "drop-column");
    }

    @Test
    void silencingTheGenericRuleDoesNotSilenceTheMappedOne() {
        LintReport r = LintHarness.on("postgresql").models(models()).lint(op -> op.ignoring("drop-column").dropColumn("users", "email"));
        fires(r, RULE);
    }
}
