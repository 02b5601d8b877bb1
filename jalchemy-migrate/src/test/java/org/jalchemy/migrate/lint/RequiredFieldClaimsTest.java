package org.jalchemy.migrate.lint;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.ops.MigrateOp;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.integer;

/**
 * What adding-required-field says, on the server: PostgreSQL and SQLite accept a NOT NULL column
 * without default on an empty table and refuse it once the table has a row; MariaDB accepts it,
 * fills existing rows with 0, and then refuses inserts that do not name the column.
 */
class RequiredFieldClaimsTest {

    @BackendTest
    void aNotNullColumnWithoutDefaultWorksOnEmptyTablesAndBreaksOnRealOnes(Backend backend) {
        Engine e = backend.engine();
        LintReport r = Linter.builder(e.dialect()).build().lint(RecordedRevision.of("r1",
                List.of(RecordedOp.of(new MigrateOp.AddColumn(null, "lint_rf", column("c", integer()).nullable(false))))));
        assertThat(r.findings("adding-required-field")).hasSize(1);
        try (Connection c = e.connect()) {
            LiveDb.exec(c, "DROP TABLE IF EXISTS lint_rf", "CREATE TABLE lint_rf (id INT PRIMARY KEY)");
            c.commit();
            assertThat(LiveDb.succeeds(c, "ALTER TABLE lint_rf ADD COLUMN c INT NOT NULL")).as("on an empty table").isTrue();
            c.commit();
            LiveDb.exec(c, "ALTER TABLE lint_rf DROP COLUMN c", "INSERT INTO lint_rf (id) VALUES (1)");
            c.commit();
            boolean added = LiveDb.succeeds(c, "ALTER TABLE lint_rf ADD COLUMN c INT NOT NULL");
            if (backend.isMariadb()) {
                assertThat(added).isTrue();
                assertThat(((Number) c.execDriverSql("SELECT c FROM lint_rf").scalarOne()).intValue()).isZero();
                assertThat(LiveDb.succeeds(c, "INSERT INTO lint_rf (id) VALUES (2)")).as("the old code's insert").isFalse();
            } else {
                assertThat(added).as("on a table with a row").isFalse();
            }
            c.rollback();
            LiveDb.exec(c, "DROP TABLE IF EXISTS lint_rf");
            c.commit();
        }
    }
}
