package org.jalchemy.migrate.lint;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.text;

/**
 * adding-field-with-default's knowledge, checked on the server by adding a column with each default
 * to a table that has a row: PostgreSQL rewrites the table (new relfilenode) exactly for the
 * defaults lint flags; every default that makes MariaDB copy the table is flagged (lint is
 * conservative there: a few flagged functions are evaluated once); SQLite refuses exactly the
 * defaults lint reports as errors.
 */
class DefaultVolatilityTest {

    private static boolean lintFlags(Engine e, String dflt) {
        LintReport r = Linter.builder(e.dialect()).build().lint(RecordedRevision.of("r1",
                List.of(RecordedOp.of(new MigrateOp.AddColumn(null, "lint_dv", column("c", text()).serverDefault(dflt))))));
        return !r.findings("adding-field-with-default").isEmpty();
    }

    @BackendTest
    void lintFlagsTheDefaultsThatRewriteCopyOrFail(Backend backend) {
        Engine e = backend.engine();
        if (backend.isPostgresql()) {
            postgresql(e);
        } else if (backend.isMariadb()) {
            mariadb(e);
        } else {
            sqlite(e);
        }
    }

    private void postgresql(Engine e) {
        List<String> defaults = List.of("0", "'x'", "'x'::text", "now()", "CURRENT_TIMESTAMP", "lower('X')", "md5('a')",
                "statement_timestamp()", "(1 + 1)", "random()", "gen_random_uuid()", "clock_timestamp()", "timeofday()");
        List<String> wrong = new ArrayList<>();
        try (Connection c = e.connect()) {
            for (String d : defaults) {
                LiveDb.exec(c, "DROP TABLE IF EXISTS lint_dv", "CREATE TABLE lint_dv (id INT)", "INSERT INTO lint_dv VALUES (1)");
                long before = LiveDb.relfilenode(c, "lint_dv");
                LiveDb.exec(c, "ALTER TABLE lint_dv ADD COLUMN c TEXT DEFAULT " + d);
                boolean rewritten = LiveDb.relfilenode(c, "lint_dv") != before;
                if (rewritten != lintFlags(e, d)) {
                    wrong.add(d + (rewritten ? " rewrites, lint is silent" : " does not rewrite, lint flags it"));
                }
            }
            c.rollback();
        }
        assertThat(wrong).isEmpty();
    }

    private void mariadb(Engine e) {
        record Case(String type, String dflt) {
        }
        List<Case> cases = List.of(new Case("INT", "0"), new Case("VARCHAR(36)", "'x'"), new Case("DATETIME", "CURRENT_TIMESTAMP"),
                new Case("DATETIME", "now()"), new Case("INT", "(1 + 1)"), new Case("VARCHAR(36)", "(uuid())"),
                new Case("DOUBLE", "(rand())"), new Case("BIGINT", "(uuid_short())"));
        List<String> missed = new ArrayList<>();
        int copies = 0;
        try (Connection c = e.connect()) {
            for (Case k : cases) {
                LiveDb.exec(c, "DROP TABLE IF EXISTS lint_dv", "CREATE TABLE lint_dv (id INT PRIMARY KEY) ENGINE=InnoDB",
                        "INSERT INTO lint_dv VALUES (1)");
                boolean inPlace = LiveDb.succeeds(c, "ALTER TABLE lint_dv ADD COLUMN c " + k.type() + " DEFAULT " + k.dflt()
                        + ", ALGORITHM=INPLACE, LOCK=NONE");
                copies += inPlace ? 0 : 1;
                if (!inPlace && !lintFlags(e, k.dflt())) {
                    missed.add(k.dflt() + " copies the table, lint is silent");
                }
            }
            LiveDb.exec(c, "DROP TABLE IF EXISTS lint_dv");
        }
        assertThat(copies).as("defaults that copy the table").isPositive();
        assertThat(missed).isEmpty();
        assertThat(lintFlags(e, "0") || lintFlags(e, "CURRENT_TIMESTAMP") || lintFlags(e, "(1 + 1)")).isFalse();
    }

    private void sqlite(Engine e) {
        List<String> defaults = List.of("0", "-1", "'x'", "NULL", "CURRENT_TIMESTAMP", "(1 + 1)", "(random())");
        List<String> wrong = new ArrayList<>();
        try (Connection c = e.connect()) {
            for (String d : defaults) {
                LiveDb.exec(c, "DROP TABLE IF EXISTS lint_dv", "CREATE TABLE lint_dv (id INT)", "INSERT INTO lint_dv VALUES (1)");
                c.commit();
                boolean refused = !LiveDb.succeeds(c, "ALTER TABLE lint_dv ADD COLUMN c TEXT DEFAULT " + d);
                c.rollback();
                if (refused != lintFlags(e, d)) {
                    wrong.add(d + (refused ? " is refused, lint is silent" : " is accepted, lint flags it"));
                }
            }
            LiveDb.exec(c, "DROP TABLE IF EXISTS lint_dv");
            c.commit();
        }
        assertThat(wrong).isEmpty();
    }
}
