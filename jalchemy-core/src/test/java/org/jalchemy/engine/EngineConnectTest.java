package org.jalchemy.engine;

import org.jalchemy.Jalchemy;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.NoSuchModuleError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/** Engine creation from URLs, connecting, and the errors of bad connection input. */
class EngineConnectTest {

    @BackendTest
    void connectsAndRunsText(Backend backend) {
        try (Connection c = backend.engine().connect()) {
            Object one = c.execute(text("SELECT 1")).scalarOne();
            assertThat(((Number) one).intValue()).isEqualTo(1);
            assertThat(c.dialect().name()).isEqualTo(backend.name());
        }
    }

    @Test
    void sqliteRelativeAndAbsoluteFilesAreCreated(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path abs = dir.resolve("abs.db");
        try (Engine e = Jalchemy.createEngine("sqlite:///" + abs)) {
            e.inTransaction(c -> c.execute(text("CREATE TABLE t (x INTEGER)")));
        }
        assertThat(Files.exists(abs)).isTrue();
        assertThat(URL.parse("sqlite:///" + abs).database()).isEqualTo(abs.toString());

        Path rel = Path.of("target", "rel-" + System.nanoTime() + ".db");
        try (Engine e = Jalchemy.createEngine("sqlite:///" + rel)) {
            e.inTransaction(c -> c.execute(text("CREATE TABLE t (x INTEGER)")));
        }
        assertThat(Files.exists(rel)).isTrue();
        Files.deleteIfExists(rel);
    }

    @Test
    void sqliteMemoryDatabaseSurvivesBetweenConnections() {
        try (Engine e = Jalchemy.createEngine("sqlite:///:memory:")) {
            e.inTransaction(c -> {
                c.execute(text("CREATE TABLE t (x INTEGER)"));
                c.execute(text("INSERT INTO t VALUES (42)"));
            });
            try (Connection c = e.connect()) {
                assertThat(c.execute(text("SELECT x FROM t")).scalarOne()).isEqualTo(42);
            }
            assertThat(e.options().poolKind()).isNull();
            assertThat(e.poolStatus().size()).isEqualTo(1);
        }
        try (Engine e = Jalchemy.createEngine("sqlite://")) {
            e.inTransaction(c -> c.execute(text("CREATE TABLE t (x INTEGER)")));
            try (Connection c = e.connect()) {
                assertThat(c.execute(text("SELECT COUNT(*) FROM t")).scalarOne()).isEqualTo(0);
            }
        }
    }

    @Test
    void queryStringOptionsReachTheDriver() {
        try (Engine e = Jalchemy.createEngine("sqlite:///:memory:?foreign_keys=false")) {
            try (Connection c = e.connect()) {
                assertThat(c.execute(text("PRAGMA foreign_keys")).scalarOne()).isEqualTo(0);
            }
        }
        try (Engine e = Jalchemy.createEngine("sqlite:///:memory:")) {
            try (Connection c = e.connect()) {
                assertThat(c.execute(text("PRAGMA foreign_keys")).scalarOne()).isEqualTo(1);
            }
        }
    }

    @BackendTest
    void serverQueryOptionsReachTheDriver(Backend backend) {
        String extra = backend.isPostgresql() ? "?ApplicationName=jalchemy_probe"
                : backend.isMariadb() ? "?sessionVariables=sql_mode='ANSI_QUOTES'" : "?journal_mode=wal";
        try (Engine e = Jalchemy.createEngine(backend.url() + extra); Connection c = e.connect()) {
            Object v = switch (backend.name()) {
                case "postgresql" -> c.execute(text("SELECT current_setting('application_name')")).scalarOne();
                case "mariadb" -> c.execute(text("SELECT @@SESSION.sql_mode")).scalarOne();
                default -> c.execute(text("PRAGMA journal_mode")).scalarOne();
            };
            assertThat(String.valueOf(v)).containsIgnoringCase(
                    backend.isPostgresql() ? "jalchemy_probe" : backend.isMariadb() ? "ANSI_QUOTES" : "wal");
        }
    }

    @Test
    void unknownSchemeNamesKnownDialects() {
        assertThatThrownBy(() -> Jalchemy.createEngine("oracledb://scott:tiger@h/db"))
                .isInstanceOf(NoSuchModuleError.class)
                .hasMessageContaining("No jalchemy dialect for 'oracledb'")
                .hasMessageContaining("oracledb://scott:***@h/db")
                .hasMessageContaining("postgresql").hasMessageContaining("sqlite")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void unknownDriverIsRejectedWithHint() {
        assertThatThrownBy(() -> Jalchemy.createEngine("mysql+pymysql://usuario:secreto@localhost/mi_base"))
                .isInstanceOf(NoSuchModuleError.class)
                .hasMessageContaining("Unknown driver 'pymysql'")
                .hasMessageContaining("Python driver")
                .hasMessageContaining("usuario:***@localhost")
                .hasMessageNotContaining("secreto");
        assertThatThrownBy(() -> Jalchemy.createEngine("postgresql+nosuch://u:pw@h/db"))
                .isInstanceOf(NoSuchModuleError.class)
                .hasMessageContaining("Use one of");
        assertThat(Jalchemy.createEngine("postgresql+pgjdbc://u@h/db").dialect().name()).isEqualTo("postgresql");
        assertThat(Jalchemy.createEngine("mysql+mariadb://u@h/db").dialect().name()).isEqualTo("mysql");
    }

    @Test
    void malformedUrlIsAnArgumentError() {
        assertThatThrownBy(() -> Jalchemy.createEngine("postgresql://scott:tiger@host:port/db"))
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("scott:***@host")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void unreachableHostIsAnOperationalErrorNamingTheMaskedUrl() {
        for (String url : new String[]{"postgresql://scott:tiger@127.0.0.1:1/db", "mariadb://scott:tiger@127.0.0.1:1/db"}) {
            try (Engine e = Jalchemy.createEngine(url)) {
                assertThatThrownBy(e::connect)
                        .isInstanceOf(OperationalError.class)
                        .hasMessageContaining("Could not connect to")
                        .hasMessageContaining("scott:***@127.0.0.1:1")
                        .hasMessageContaining("server is running")
                        .hasMessageNotContaining("tiger")
                        .hasCauseInstanceOf(java.sql.SQLException.class);
            }
        }
    }

    @BackendTest
    void wrongCredentialsAreAnOperationalErrorWithMaskedPassword(Backend backend) {
        org.junit.jupiter.api.Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no credentials");
        URL u = URL.parse(backend.url());
        // PostgreSQL here trusts every password, so an unknown role is the credential failure it can show.
        String bad = backend.isPostgresql()
                ? "postgresql://no_such_role_x:s3cret@" + u.host() + ":" + (u.port() == null ? 5432 : u.port()) + "/" + u.database()
                : "mariadb://root:s3cret@" + u.host() + ":" + (u.port() == null ? 3306 : u.port()) + "/" + u.database();
        try (Engine e = Jalchemy.createEngine(bad)) {
            assertThatThrownBy(e::connect)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining(":***@")
                    .hasMessageContaining("user name and password")
                    .hasMessageNotContaining("s3cret")
                    .hasCauseInstanceOf(java.sql.SQLException.class);
        }
    }

    @BackendTest
    void disposeClosesPooledConnectionsAndEngineStaysUsable(Backend backend) {
        try (Engine e = backend.newEngine(o -> o)) {
            try (Connection c = e.connect()) {
                c.execute(text("SELECT 1")).all();
            }
            assertThat(e.poolStatus().total()).isGreaterThanOrEqualTo(1);
            e.dispose();
            assertThat(e.poolStatus().total()).isZero();
            try (Connection c = e.connect()) {
                assertThat(((Number) c.execute(text("SELECT 2")).scalarOne()).intValue()).isEqualTo(2);
            }
        }
    }
}
