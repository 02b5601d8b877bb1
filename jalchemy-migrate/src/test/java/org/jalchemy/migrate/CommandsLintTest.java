package org.jalchemy.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jalchemy.migrate.lint.LintCommand;
import org.jalchemy.migrate.lint.LintReport;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** {@code jalchemy migrate lint [range]} through {@link Commands}, judged for each backend's dialect, and the warning at {@code revision}. */
class CommandsLintTest {
    static final Migration CREATE = TestMigration.of("aa01", null, op -> {
        op.createTable("cl_users", column("id", integer()).primaryKey(), column("email", string(120)));
        op.createIndex("ix_cl_users_email", "cl_users", "email");                        // a new table: fine everywhere
    }, op -> op.dropTable("cl_users"));
    static final Migration CHANGE = TestMigration.of("bb02", "aa01", op -> {
        op.createIndex("ix_cl_users_id_email", "cl_users", "id", "email");             // PostgreSQL: not CONCURRENTLY
        op.dropColumn("cl_users", "email");                                             // everywhere: data loss
        op.ignoring("drop-table").dropTable("cl_old");                                  // reviewed
    }, op -> { });

    @BackendTest
    void lintPrintsTheFindingsOfTheRangeForTheDatabaseAndReturnsTheirCount(Backend backend) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Commands cmd = MigrateTesting.commands(backend.engine(), "cl_version", out, List.of(CREATE, CHANGE));

        int count = cmd.lint(null);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("R_bb02 line \\d+: drop column cl_users.email \\[drop-column\\] error: Drops column cl_users.email")
                .doesNotContain("create index ix_cl_users_email").doesNotContain("[drop-table]");
        assertThat(text.contains("[require-concurrent-index-creation]")).isEqualTo(backend.isPostgresql());
        assertThat(count).isEqualTo(backend.isPostgresql() ? 2 : 1);

        out.reset();
        assertThat(cmd.lint("aa01:aa01")).isZero();
        out.reset();
        cmd.lint("bb02:", true, true);
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("dialect").asText()).isEqualTo(backend.engine().dialect().name());
        assertThat(json.get("findings").findValuesAsText("revision")).containsOnly("bb02");
        assertThat(json.get("silenced").findValuesAsText("rule")).containsExactly("drop-table");
    }

    @BackendTest
    void theNewRevisionOfAutogenerateGetsOneWarningLinePerFinding(Backend backend) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LintReport r = LintCommand.warnNewRevision(List.of(CREATE), "cc03",
                List.of(new MigrateOp.DropColumn(null, "cl_users", "email", null)), backend.engine().dialect(), null,
                MigrateConfig.of(Path.of("target"), Map.of()), out);
        assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly("drop-column");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                  LINT drop column cl_users.email [drop-column] error: Drops column cl_users.email and its data.
                  Run 'jalchemy migrate lint cc03:' for why and the safer recipes, or waive a rule for one op with op.ignoring("<rule>")
                """);
    }
}
