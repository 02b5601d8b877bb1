package org.jalchemy.examples.reference;

import org.jalchemy.engine.Engine;
import org.jalchemy.examples.interop.SqlAlchemySide;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the code of docs/sharing-with-sqlalchemy.md on every backend, with SQLAlchemy 1.4 on the other side. */
class SharingReferenceTest {
    @TempDir
    Path tmp;

    @BackendTest
    void interopSharingPageCodeRuns(Backend b) {
        try (Engine e = b.newEngine(o -> o)) {
            SqlAlchemySide.run("shared_orders.py", "write", SqlAlchemySide.url(b));
            assertThat(SharingReference.addOrder(e)).isEqualTo(SharedOrder.Status.PAID);
            List<Map<String, Object>> orders = SqlAlchemySide.rows(SqlAlchemySide.run("shared_orders.py", "read",
                    SqlAlchemySide.url(b)));
            assertThat(orders).hasSize(2);
            assertThat(orders.get(1)).containsEntry("customer", "Luis").containsEntry("total", "7.25")
                    .containsEntry("status", "NEW").containsEntry("created_at", "2024-01-02T03:04:05.654321".substring(0,
                            b.isMariadb() ? 19 : 26)); // SQLAlchemy's DateTime is DATETIME (whole seconds) on MariaDB
        }
    }

    @BackendTest
    void interopAdoptionSnippetStampsAlembicsRevision(Backend b) throws Exception {
        Engine e = b.engine();
        Db.dropTables(e, "alembic_version", "jalchemy_version", "jalchemy_version_progress", "jalchemy_version_lock");
        Db.exec(e, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
                "INSERT INTO alembic_version VALUES ('4f2e0a1b9c3d')");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(SharingReference.adopt(tmp, b.url(), new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo("4f2e0a1b9c3d");
        assertThat(tmp.resolve("migrations/versions/R_4f2e0a1b9c3d_adopted_from_alembic.java")).isRegularFile();
        assertThat(Files.readString(tmp.resolve("migrations/versions/R_4f2e0a1b9c3d_adopted_from_alembic.java")))
                .contains("return \"4f2e0a1b9c3d\";");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Stamped 4f2e0a1b9c3d (adopted from alembic_version)");
        Db.dropTables(e, "alembic_version", "jalchemy_version", "jalchemy_version_progress", "jalchemy_version_lock");
    }
}
