package org.jalchemy.engine;

import org.jalchemy.exc.IntegrityError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/**
 * A failed statement is reported once, by the exception: the JDBC driver adds nothing to the log
 * (mariadb-java-client logs a WARN per server error unless its logging is off, which the MySQL
 * dialect does; this test fails on MariaDB without it).
 */
class DriverNoiseTest {

    @BackendTest
    void aServerErrorIsOnlyTheException(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "dn_items");
        Db.exec(e, "CREATE TABLE dn_items (id INTEGER PRIMARY KEY)", "INSERT INTO dn_items (id) VALUES (1)");
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (Connection c = e.connect()) {
            assertThatThrownBy(() -> c.execute(text("INSERT INTO dn_items (id) VALUES (1)")))
                    .isInstanceOf(IntegrityError.class);
        } finally {
            System.setErr(err);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).as("stderr during the failed statement").isEmpty();
        Db.dropTables(e, "dn_items");
    }
}
