package org.jalchemy.migrate;

import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.migrate.script.ScriptSource;
import org.jalchemy.schema.Inspector;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.Ddl.index;
import static org.jalchemy.migrate.MigrateTesting.versions;
import static org.jalchemy.types.SqlTypes.integer;

/**
 * Alembic's {@code testing/suite/test_environment.py}: where transactions begin and end with one
 * transaction per run or per revision, online and in {@code --sql} mode, on databases with and
 * without transactional DDL, and around statements that must run outside a transaction.
 */
class ComplianceEnvironmentTest {
    static final String VT = "ce_version";

    private static List<Migration> twoRevisionsSecondFails() {
        return List.of(
                TestMigration.of("ce0000000001", null, op -> op.createTable("ce_one", column("id", integer()).primaryKey()),
                        op -> op.dropTable("ce_one")),
                TestMigration.of("ce0000000002", "ce0000000001", op -> {
                    op.createTable("ce_two", column("id", integer()).primaryKey());
                    op.execute("SELECT * FROM ce_missing");
                }, op -> op.dropTable("ce_two")));
    }

    private static Commands commands(Engine e, boolean perRevision, List<Migration> revs) {
        MigrateConfig cfg = MigrateConfig.of(Path.of("target"), Map.of("version_table", VT, "transaction_per_revision", perRevision));
        return new Commands(cfg, new PrintStream(new ByteArrayOutputStream())).engine(e).scripts(ScriptSource.of(revs));
    }

    /** One transaction for the run: a failure in the second revision undoes the first too, where DDL is transactional. */
    @BackendTest
    void transactionPerRunRollsBackTheWholeRunWhereDdlIsTransactional(Backend backend) {
        Engine e = backend.engine();
        MigrateTesting.reset(e, VT, "ce_two", "ce_one");
        assertThatThrownBy(() -> commands(e, false, twoRevisionsSecondFails()).upgrade("head", false))
                .hasMessageContaining("ce_missing");
        Inspector insp = new Inspector(e);
        if (backend.isMariadb()) {
            // DDL commits by itself: the first revision is complete and recorded, the second half done and recorded as such
            assertThat(versions(e, VT)).containsExactly("ce0000000001");
            assertThat(insp.hasTable("ce_one")).isTrue();
        } else {
            assertThat(versions(e, VT)).isEmpty();
            assertThat(insp.hasTable("ce_one")).isFalse();
            assertThat(insp.hasTable("ce_two")).isFalse();
        }
        MigrateTesting.reset(e, VT, "ce_two", "ce_one");
    }

    /** One transaction per revision: the first revision stays applied and recorded everywhere. */
    @BackendTest
    void transactionPerRevisionKeepsTheRevisionsBeforeTheFailure(Backend backend) {
        Engine e = backend.engine();
        MigrateTesting.reset(e, VT, "ce_two", "ce_one");
        assertThatThrownBy(() -> commands(e, true, twoRevisionsSecondFails()).upgrade("head", false))
                .hasMessageContaining("ce_missing");
        assertThat(versions(e, VT)).containsExactly("ce0000000001");
        assertThat(new Inspector(e).hasTable("ce_one")).isTrue();
        assertThat(new Inspector(e).hasTable("ce_two")).isEqualTo(backend.isMariadb());
        MigrateTesting.reset(e, VT, "ce_two", "ce_one");
    }

    /** A statement that must run outside a transaction, in the middle of a transactional run, then a failure: what ran outside stays and is recorded. */
    @BackendTest
    void statementsOutsideTheTransactionAreRecordedBeforeALaterFailure(Backend backend) {
        Engine e = backend.engine();
        MigrateTesting.reset(e, VT, "ce_one");
        List<Migration> revs = List.of(TestMigration.of("ce0000000003", null, op -> {
            op.createTable("ce_one", column("id", integer()).primaryKey(), column("n", integer()));
            op.createIndex(index("ix_ce_one_n", "n").on("ce_one").concurrently());
            op.execute("SELECT * FROM ce_missing");
        }, op -> op.dropTable("ce_one")));
        assertThatThrownBy(() -> commands(e, false, revs).upgrade("head", false)).hasMessageContaining("ce_missing");
        boolean concurrentIndex = backend.isPostgresql();
        // PostgreSQL committed the table and the CONCURRENTLY index; SQLite rolled all back; MariaDB committed as it went
        assertThat(new Inspector(e).hasTable("ce_one")).isEqualTo(!backend.isSqlite());
        assertThat(versions(e, VT)).isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Commands(MigrateConfig.of(Path.of("target"), Map.of("version_table", VT)),
                new PrintStream(out, true, StandardCharsets.UTF_8)).engine(e).scripts(ScriptSource.of(revs)).current(false);
        assertThat(out.toString()).contains(backend.isSqlite() ? "base" : "ce0000000003 is part-way through its upgrade");
        assertThat(concurrentIndex || !backend.isPostgresql()).isTrue();
        MigrateTesting.reset(e, VT, "ce_one");
    }

    private static String sql(String url, boolean perRevision) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<Migration> revs = List.of(
                TestMigration.of("ce0000000004", null, op -> op.execute("step 1"), op -> { }),
                TestMigration.of("ce0000000005", "ce0000000004", op -> op.execute("step 2"), op -> { }));
        new Commands(MigrateConfig.of(Path.of("target"), Map.of("url", url, "version_table", "v",
                "transaction_per_revision", perRevision)), new PrintStream(buf, true, StandardCharsets.UTF_8))
                .scripts(ScriptSource.of(revs)).upgrade("ce0000000004:heads", true);
        return buf.toString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*\\n", "").replaceAll("\\n+", "\n").replaceAll("^\\n", "");
    }

    /** {@code --sql}: BEGIN/COMMIT around the run (or each revision), none where DDL is not transactional. */
    @Test
    void sqlModeTransactionsPerRunAndPerRevision() {
        assertThat(sql("postgresql://h/db", false)).isEqualTo("""
                BEGIN;
                step 2;
                UPDATE v SET version_num='ce0000000005' WHERE version_num = 'ce0000000004';
                COMMIT;
                """);
        assertThat(sql("sqlite:///f.db", true)).isEqualTo("""
                BEGIN;
                step 2;
                UPDATE v SET version_num='ce0000000005' WHERE version_num = 'ce0000000004';
                COMMIT;
                """);
        assertThat(sql("mariadb://h/db", false)).isEqualTo("""
                step 2;
                UPDATE v SET version_num='ce0000000005' WHERE version_num = 'ce0000000004';
                """);
    }
}
