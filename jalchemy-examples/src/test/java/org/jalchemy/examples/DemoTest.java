package org.jalchemy.examples;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo tour runs and prints what the guide's reader expects. */
class DemoTest {

    private static String capture(Runnable r) {
        PrintStream original = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(original);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoRunsOnASqliteFile(@TempDir Path dir) {
        String out = capture(() -> Demo.run("sqlite:///" + dir.resolve("mi_base_de_datos.db")));
        assertThat(out).contains("Conexión exitosa a sqlite")
                .contains("Ana <ana@example.com>")
                .contains("usuarios after rollback: 2")
                .contains("IntegrityError caught")
                .contains("usuarios now: 3")
                .contains("  Ana -> Libro")
                .contains("usuarios ahora: 5")
                .contains("sentencias ejecutadas: 2");
    }

    @BackendTest
    void demoRunsOnEveryBackend(Backend backend) {
        Db.dropTables(backend.engine(), "pedidos", "usuarios");
        String out = capture(() -> Demo.run(backend.url()));
        assertThat(out).contains("Conexión exitosa a " + backend.name()).contains("usuarios now: 3");
        Db.dropTables(backend.engine(), "pedidos", "usuarios");
    }
}
