package org.jalchemy.migrate.lint;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.dateTime;
import static org.jalchemy.types.SqlTypes.dateTimeTz;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.numeric;
import static org.jalchemy.types.SqlTypes.smallInteger;
import static org.jalchemy.types.SqlTypes.string;
import static org.jalchemy.types.SqlTypes.text;

/**
 * changing-column-type's knowledge, checked on the server: PostgreSQL rewrites the table exactly
 * when lint says so (a new {@code pg_class.relfilenode}); MariaDB copies the table (refuses
 * {@code ALGORITHM=INPLACE, LOCK=NONE}) for some character set (1, 2, 3 or 4 bytes a character)
 * exactly when lint says so. SQLite
 * has no ALTER COLUMN at all: every type change is a table rebuild, and lint reports it as one.
 */
class TypeChangeCostTest {
    record Change(SqlType<?> from, SqlType<?> to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    static final List<Change> CHANGES = List.of(
            new Change(string(10), string(20)), new Change(string(20), string(10)), new Change(string(20), text()),
            new Change(string(20), string()), new Change(text(), string()), new Change(text(), string(30)),
            new Change(string(10), string(63)), new Change(string(10), string(64)), new Change(string(60), string(100)),
            new Change(string(100), string(300)), new Change(string(300), string(500)),
            new Change(smallInteger(), integer()), new Change(integer(), bigInteger()), new Change(bigInteger(), integer()),
            new Change(numeric(10, 2), numeric(12, 2)), new Change(numeric(12, 2), numeric(12, 3)), new Change(numeric(10, 2), numeric()));

    private static boolean lintFlags(Engine e, Change ch) {
        LintReport r = Linter.builder(e.dialect()).build().lint(RecordedRevision.of("r1", List.of(RecordedOp.of(
                new org.jalchemy.migrate.ops.MigrateOp.AlterColumn(null, "lint_tc", "c", ch.to(), null, false, null, false, null,
                        null, null, ch.from(), null, null, null, false)))));
        return !r.findings("changing-column-type").isEmpty();
    }

    @BackendTest
    void lintFlagsExactlyTheTypeChangesThatRewriteOrCopyTheTable(Backend backend) {
        if (backend.isPostgresql()) {
            postgresqlRewritesExactlyWhenLintSaysSo(backend.engine());
            postgresqlTimestampToTimestamptzIsFreeOnlyInUtc(backend.engine());
        } else if (backend.isMariadb()) {
            mariadbCopiesForSomeCharacterSetExactlyWhenLintSaysSo(backend.engine());
        } else {
            sqliteRebuildsForEveryTypeChange(backend.engine());
        }
    }

    private void postgresqlRewritesExactlyWhenLintSaysSo(Engine e) {
        List<String> wrong = new ArrayList<>();
        List<Change> all = new ArrayList<>(CHANGES);
        all.add(new Change(dateTime(), dateTimeTz()));
        all.add(new Change(dateTimeTz(), dateTime()));
        try (Connection c = e.connect()) {
            LiveDb.exec(c, "SET TIME ZONE 'Europe/Madrid'");           // not UTC: timestamp <-> timestamptz must rewrite
            for (Change ch : all) {
                LiveDb.exec(c, "DROP TABLE IF EXISTS lint_tc", "CREATE TABLE lint_tc (c " + LiveDb.typeSql(e, ch.from()) + ")",
                        "INSERT INTO lint_tc VALUES (NULL)");
                long before = LiveDb.relfilenode(c, "lint_tc");
                LiveDb.exec(c, "ALTER TABLE lint_tc ALTER COLUMN c TYPE " + LiveDb.typeSql(e, ch.to()));
                boolean rewritten = LiveDb.relfilenode(c, "lint_tc") != before;
                if (rewritten != lintFlags(e, ch)) {
                    wrong.add(ch + (rewritten ? " rewrites, lint is silent" : " is catalog-only, lint flags it"));
                }
            }
            c.rollback();
        }
        assertThat(wrong).isEmpty();
    }

    private void postgresqlTimestampToTimestamptzIsFreeOnlyInUtc(Engine e) {
        try (Connection c = e.connect()) {
            LiveDb.exec(c, "SET TIME ZONE 'UTC'", "DROP TABLE IF EXISTS lint_tc", "CREATE TABLE lint_tc (c TIMESTAMP)",
                    "INSERT INTO lint_tc VALUES (now())");
            long before = LiveDb.relfilenode(c, "lint_tc");
            LiveDb.exec(c, "ALTER TABLE lint_tc ALTER COLUMN c TYPE TIMESTAMP WITH TIME ZONE");
            assertThat(LiveDb.relfilenode(c, "lint_tc")).isEqualTo(before);
            c.rollback();
        }
    }

    private void mariadbCopiesForSomeCharacterSetExactlyWhenLintSaysSo(Engine e) {
        List<String> wrong = new ArrayList<>();
        try (Connection c = e.connect()) {
            for (Change ch : CHANGES) {
                if (ch.to().equals(string())) {
                    continue;                                         // MySQL has no VARCHAR without a length
                }
                List<String> copiedIn = new ArrayList<>();
                for (String charset : List.of("latin1", "ucs2", "utf8mb3", "utf8mb4")) {
                    LiveDb.exec(c, "DROP TABLE IF EXISTS lint_tc", "CREATE TABLE lint_tc (id INT PRIMARY KEY, c "
                            + LiveDb.typeSql(e, ch.from()) + ") ENGINE=InnoDB CHARACTER SET " + charset, "INSERT INTO lint_tc (id) VALUES (1)");
                    if (!LiveDb.succeeds(c, "ALTER TABLE lint_tc MODIFY c " + LiveDb.typeSql(e, ch.to()) + ", ALGORITHM=INPLACE, LOCK=NONE")) {
                        copiedIn.add(charset);
                    }
                }
                if (copiedIn.isEmpty() == lintFlags(e, ch)) {
                    wrong.add(ch + (copiedIn.isEmpty() ? " is done in place, lint flags it" : " copies in " + copiedIn + ", lint is silent"));
                }
            }
            LiveDb.exec(c, "DROP TABLE IF EXISTS lint_tc");
        }
        assertThat(wrong).isEmpty();
    }

    private void sqliteRebuildsForEveryTypeChange(Engine e) {
        try (Connection c = e.connect()) {
            LiveDb.exec(c, "DROP TABLE IF EXISTS lint_tc", "CREATE TABLE lint_tc (c VARCHAR(10))");
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_tc ALTER COLUMN c TYPE TEXT")).isFalse();
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_tc MODIFY c TEXT")).isFalse();
            LiveDb.exec(c, "DROP TABLE lint_tc");
            c.commit();
        }
        for (Change ch : CHANGES) {
            LintReport r = Linter.builder(e.dialect()).build().lint(RecordedRevision.of("r1", List.of(RecordedOp.of(
                    new org.jalchemy.migrate.ops.MigrateOp.AlterColumn(null, "lint_tc", "c", ch.to(), null, false, null, false, null,
                            null, null, ch.from(), null, null, null, false)))));
            assertThat(r.findings("sqlite-table-rebuild")).as(ch.toString()).hasSize(1);
        }
    }
}
