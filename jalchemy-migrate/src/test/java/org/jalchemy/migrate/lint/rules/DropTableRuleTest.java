package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.Finding;
import org.jalchemy.migrate.lint.LintHarness;
import org.jalchemy.migrate.lint.LintReport;
import org.jalchemy.migrate.lint.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;

class DropTableRuleTest {
    static final String RULE = "drop-table";

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "mariadb", "sqlite"})
    void firesOnDroppingAnExistingTable(String dialect) {
        Finding f = fires(LintHarness.on(dialect).lint(op -> op.dropTable("audit_log")), RULE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("Drops table audit_log and every row in it.");
        assertThat(f.recipe()).contains("op.ignoring(\"drop-table\").dropTable(\"audit_log\");");
        assertThat(f.silence()).isEqualTo("op.ignoring(\"drop-table\").dropTable(\"audit_log\"), or lint_ignore = [\"drop-table\"] in the migration config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void silentForATableCreatedEarlierInTheSameRevision(String dialect) {
        silent(LintHarness.on(dialect).lint(op -> {
            op.createTable("scratch", column("id", integer()).primaryKey());
            op.dropTable("scratch");
        }), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void silencedPerOpAndByConfig(String dialect) {
        silenced(LintHarness.on(dialect).lint(op -> op.ignoring(RULE).dropTable("audit_log")), RULE);
        silenced(LintHarness.on(dialect).ignore(List.of(RULE)).lint(op -> op.dropTable("audit_log")), RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void firesOnRawDropTableOfEachTableNamed(String dialect) {
        LintReport r = LintHarness.on(dialect).lint(op -> op.execute("DROP TABLE IF EXISTS a, \"B\""));
        assertThat(r.findings(RULE)).extracting(Finding::message)
                .containsExactly("Drops table a and every row in it.", "Drops table B and every row in it.");
    }
}
