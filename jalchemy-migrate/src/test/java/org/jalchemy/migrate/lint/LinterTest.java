package org.jalchemy.migrate.lint;

import org.jalchemy.dialect.Dialects;
import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.Ddl.index;
import static org.jalchemy.migrate.lint.LintHarness.fires;
import static org.jalchemy.migrate.lint.LintHarness.silenced;
import static org.jalchemy.migrate.lint.LintHarness.silent;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/** The linter's own behaviour: silencing, config, lines, batches, raw SQL, runs over several revisions. */
class LinterTest {

    /** A script as users write them; its line numbers are asserted below. */
    public static final class R_aa11_drop_email implements Migration {
        public String revision() {
            return "aa11";
        }

        public void upgrade(Ops op) {
            op.addColumn("users", column("nickname", string(40)));
            op.dropColumn("users", "email");                               // line 37
        }

        public void downgrade(Ops op) {
        }
    }

    @Test
    void recordsTheScriptLineOfEachOpAndLabelsFindingsWithTheRevision() {
        RecordedRevision rev = RecordedRevision.record(new R_aa11_drop_email(), Dialects.get("postgresql"));
        assertThat(rev.ops()).extracting(RecordedOp::line).containsExactly(36, 37);
        LintReport report = Linter.builder(Dialects.get("postgresql")).build().lint(rev);
        Finding f = fires(report, "drop-column");
        assertThat(f.revision()).isEqualTo("aa11");
        assertThat(f.script()).isEqualTo("R_aa11_drop_email");
        assertThat(f.line()).isEqualTo(37);
        assertThat(f.opIndex()).isEqualTo(1);
        assertThat(LintText.header(f)).isEqualTo("R_aa11 line 37: drop column users.email [drop-column] error: "
                + "Drops column users.email and its data.");
    }

    @Test
    void opIgnoringSilencesOnlyTheNamedRuleForOnlyThatOp() {
        LintReport r = LintHarness.on("postgresql").lint(op -> {
            op.ignoring("drop-column").dropColumn("users", "email");
            op.dropColumn("users", "phone");
            op.ignoring("drop-table").dropColumn("users", "fax");
        });
        assertThat(r.findings("drop-column")).extracting(Finding::op)
                .containsExactly("drop column users.phone", "drop column users.fax");
        assertThat(r.silenced()).extracting(Finding::op).containsExactly("drop column users.email");
    }

    @Test
    void safetyAssuredSilencesEveryRule() {
        LintReport r = LintHarness.on("postgresql").lint(op -> op.safetyAssured().createIndex("ix_users_email", "users", "email"));
        silenced(r, "require-concurrent-index-creation");
        assertThat(r.count()).isZero();
    }

    @Test
    void lintIgnoreFromTheConfigSilencesARuleEverywhere() {
        MigrateConfig config = MigrateConfig.of(Path.of("."), Map.of("lint_ignore", List.of("drop-column")));
        Linter linter = Linter.forConfig(config, Dialects.get("postgresql"), null);
        OpRecorder rec = new OpRecorder(null);
        Ops op = new Ops(rec, Dialects.get("postgresql"), null);
        op.dropColumn("users", "email");
        op.dropTable("legacy");
        LintReport r = linter.lint(RecordedRevision.of("r1", rec.ops()));
        silenced(r, "drop-column");
        fires(r, "drop-table");
    }

    @Test
    void anUnknownRuleInLintIgnoreIsAnErrorNamingTheRules() {
        assertThatThrownBy(() -> Linter.builder(Dialects.get("sqlite")).ignore(List.of("drop-colum")).build())
                .isInstanceOf(MigrationError.class)
                .hasMessageContaining("Unknown lint rule 'drop-colum' in lint_ignore")
                .hasMessageContaining("drop-column");
    }

    @Test
    void ruleIdsOfOpIgnoringThatDoNotExistAreReported() {
        LintReport r = LintHarness.on("postgresql").lint(op -> op.ignoring("drop-colum").dropColumn("users", "email"));
        assertThat(fires(r, "unknown-rule").message()).contains("drop-colum");
        fires(r, "drop-column");
        silent(LintHarness.on("postgresql").lint(op -> op.ignoring("drop-column").dropColumn("users", "email")), "unknown-rule");
    }

    @Test
    void changesInsideABatchAreCheckedOneByOneAndSilencedWithTheBatch() {
        LintReport r = LintHarness.on("postgresql").lint(op -> {
            op.batchAlterTable("users", b -> {
                b.dropColumn("email");
                b.createIndex("ix_users_name", "name");
            });
            op.ignoring("drop-column").batchAlterTable("orders", b -> b.dropColumn("note"));
        });
        Finding f = fires(r, "drop-column");
        assertThat(f.op()).isEqualTo("drop column users.email (in batch)");
        assertThat(f.opIndex()).isZero();
        fires(r, "require-concurrent-index-creation");
        assertThat(r.silenced()).extracting(Finding::op).containsExactly("drop column orders.note (in batch)");
    }

    @Test
    void rawSqlMeetsTheSameRulesAsTheEquivalentOps() {
        LintReport r = LintHarness.on("postgresql").lint(op -> op.execute("""
                -- clean up; the semicolon in 'a;b' is not a statement end
                UPDATE users SET note = 'a;b' WHERE note IS NULL;
                ALTER TABLE users DROP COLUMN legacy_flag, ADD COLUMN code int NOT NULL;
                CREATE INDEX ix_users_code ON users (code);
                DROP TABLE audit_old;
                """));
        assertThat(fires(r, "drop-column").op()).startsWith("execute ALTER TABLE users DROP COLUMN legacy_flag");
        fires(r, "adding-required-field");
        fires(r, "require-concurrent-index-creation");
        fires(r, "drop-table");
        assertThat(r.findings()).allMatch(f -> f.opIndex() == 0);
    }

    @Test
    void aTableCreatedInAnEarlierRevisionIsNoLongerNew() {
        LintReport r = LintHarness.on("postgresql").lint(
                op -> op.createTable("tags", column("id", integer()).primaryKey(), column("name", string(40))),
                op -> op.createIndex("ix_tags_name", "tags", "name"));
        assertThat(fires(r, "require-concurrent-index-creation").revision()).isEqualTo("r2");
        assertThat(r.forRevisions(List.of("r1")).findings("require-concurrent-index-creation")).isEmpty();
    }

    @Test
    void aScriptThatNeedsTheConnectionIsLintedUpToThatPointAndSaysSo() {
        Migration m = new Migration() {
            public String revision() {
                return "bb22";
            }

            public void upgrade(Ops op) {
                op.dropColumn("users", "email");
                op.connection();
                op.dropTable("never_seen");
            }

            public void downgrade(Ops op) {
            }
        };
        RecordedRevision rev = RecordedRevision.record(m, Dialects.get("postgresql"));
        LintReport r = Linter.builder(Dialects.get("postgresql")).build().lint(rev);
        fires(r, "drop-column");
        silent(r, "drop-table");
        Finding f = fires(r, "lint-incomplete");
        assertThat(f.message()).contains("op.connection() is not available in offline (--sql) mode");
        assertThat(f.opIndex()).isEqualTo(-1);
    }

    @Test
    void aStillMappedFindingReplacesTheGenericOneOnTheSameOp() {
        MetaData md = new MetaData();
        Table users = new Table("users", md);
        users.column("id", integer()).primaryKey();
        users.column("email", string(120));
        LintReport r = LintHarness.on("postgresql").models(md).lint(op -> op.dropColumn("users", "email"));
        fires(r, "still-mapped");
        silent(r, "drop-column");
        assertThat(r.silenced()).isEmpty();
    }

    @Test
    void advicePrintsButDoesNotCount() {
        LintReport r = LintHarness.on("postgresql").lint(op -> op.createTable("t", column("id", integer()).primaryKey()));
        fires(r, "prefer-bigint-over-int");
        assertThat(r.count()).isZero();
        assertThat(r.isClean()).isTrue();
    }

    @Test
    void customRulesJoinTheBuiltInOnes() {
        LintRule noTablesNamedTmp = new LintRule() {
            public String id() {
                return "no-tmp-tables";
            }

            public Severity severity() {
                return Severity.ERROR;
            }

            public String summary() {
                return "tables named tmp_*";
            }

            public String why(LintTarget target) {
                return "house rule";
            }

            public void check(org.jalchemy.migrate.ops.MigrateOp op, LintContext ctx) {
                if (op instanceof org.jalchemy.migrate.ops.MigrateOp.CreateTable ct && ct.table().name().startsWith("tmp_")) {
                    ctx.report(this, "tmp table", "");
                }
            }
        };
        OpRecorder rec = new OpRecorder(null);
        new Ops(rec, Dialects.get("sqlite"), null).createTable("tmp_x", column("id", integer()).primaryKey(), index("ix", "id"));
        LintReport r = Linter.builder(Dialects.get("sqlite")).rule(noTablesNamedTmp).ignore(List.of("no-tmp-tables")).build()
                .lint(RecordedRevision.of("r1", rec.ops()));
        silenced(r, "no-tmp-tables");
    }
}
