package org.jalchemy.engine;

import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.DataError;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.ProgrammingError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Assumptions;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/** Driver errors become the same jalchemy classes on every database, with cause, SQL and parameters. */
class ErrorTranslationTest {

    private static Engine fresh(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "err_child", "err_users");
        Db.exec(e, "CREATE TABLE err_users (id INTEGER PRIMARY KEY, email VARCHAR(20) NOT NULL UNIQUE)",
                "CREATE TABLE err_child (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES err_users(id))");
        return e;
    }

    @BackendTest
    void duplicateKeyIsIntegrityErrorWithCauseSqlAndParameters(Backend backend) {
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            c.execute(text("INSERT INTO err_users (id, email) VALUES (:id, :email)"), Map.of("id", 1, "email", "ana@x"));
            assertThatThrownBy(() -> c.execute(text("INSERT INTO err_users (id, email) VALUES (:id, :email)"),
                    Map.of("id", 2, "email", "ana@x")))
                    .isInstanceOf(IntegrityError.class)
                    .hasCauseInstanceOf(SQLException.class)
                    .hasMessageContaining("(IntegrityError)")
                    .hasMessageContaining("[SQL: INSERT INTO err_users (id, email) VALUES (?, ?)]")
                    .hasMessageContaining("'ana@x'")
                    .satisfies(ex -> assertThat(((DBAPIError) ex).statement()).startsWith("INSERT INTO err_users"));
            c.rollback();
        }
    }

    @BackendTest
    void foreignKeyAndNotNullViolationsAreIntegrityErrors(Backend backend) {
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            assertThatThrownBy(() -> c.execute(text("INSERT INTO err_child (id, user_id) VALUES (1, 999)")))
                    .isInstanceOf(IntegrityError.class);
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO err_users (id, email) VALUES (5, NULL)")))
                    .isInstanceOf(IntegrityError.class);
            c.rollback();
        }
    }

    @BackendTest
    void unknownTableAndSyntaxErrorsAreProgrammingErrors(Backend backend) {
        Engine e = backend.engine();
        try (Connection c = e.connect()) {
            assertThatThrownBy(() -> c.execute(text("SELECT * FROM no_such_table_xyz")))
                    .isInstanceOf(ProgrammingError.class)
                    .hasMessageContaining("no_such_table_xyz");
            c.rollback();
            assertThatThrownBy(() -> c.execute(text("SELEC 1"))).isInstanceOf(ProgrammingError.class);
            c.rollback();
        }
    }

    @BackendTest
    void valueTooLongIsDataError(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite does not enforce VARCHAR lengths");
        Engine e = fresh(backend);
        try (Connection c = e.connect()) {
            assertThatThrownBy(() -> c.execute(text("INSERT INTO err_users (id, email) VALUES (1, :e)"),
                    Map.of("e", "x".repeat(50))))
                    .isInstanceOf(DataError.class)
                    .satisfies(ex -> assertThat(((DBAPIError) ex).sqlState()).startsWith("22"));
            c.rollback();
        }
    }

    @BackendTest
    void hideParametersKeepsValuesOutOfMessages(Backend backend) {
        fresh(backend);
        try (Engine e = backend.newEngine(o -> o.hideParameters(true)); Connection c = e.connect()) {
            c.execute(text("INSERT INTO err_users (id, email) VALUES (1, :e)"), Map.of("e", "secret-mail"));
            assertThatThrownBy(() -> c.execute(text("INSERT INTO err_users (id, email) VALUES (2, :e)"),
                    Map.of("e", "secret-mail")))
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("[parameters: " + DBAPIError.HIDDEN_PARAMETERS + "]")
                    .satisfies(ex -> assertThat(((DBAPIError) ex).parameters()).isEqualTo(DBAPIError.HIDDEN_PARAMETERS));
            c.rollback();
        }
    }

    @BackendTest
    void executemanyFailureLeavesNothingWrittenAfterRollback(Backend backend) {
        Engine e = fresh(backend);
        var rows = new java.util.ArrayList<Map<String, ?>>();
        for (int i = 1; i <= 1000; i++) {
            rows.add(Map.of("id", i, "email", i == 500 ? "dup@x" : "u" + i + "@x"));
        }
        rows.add(Map.of("id", 1001, "email", "dup@x"));
        assertThatThrownBy(() -> e.inTransaction(c -> c.execute(
                text("INSERT INTO err_users (id, email) VALUES (:id, :email)"), rows)))
                .isInstanceOf(IntegrityError.class);
        assertThat(Db.count(e, "err_users")).isZero();
    }
}
