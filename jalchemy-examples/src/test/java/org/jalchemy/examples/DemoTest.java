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
    void demoLeavesTheLastChaptersRowsInTheFile(@TempDir Path dir) {
        String url = "sqlite:///" + dir.resolve("mi_base_de_datos.db");
        capture(() -> Demo.run(url));
        org.jalchemy.engine.Engine engine = org.jalchemy.Jalchemy.createEngine(url);
        try (org.jalchemy.engine.Connection c = engine.connect()) {
            Object users = c.execute(org.jalchemy.sql.Sql.text("SELECT count(*) FROM usuarios")).scalarOne();
            assertThat(((Number) users).intValue()).isPositive();
        } finally {
            engine.dispose();
        }
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
                .contains("sentencias ejecutadas: 2")
                .contains("  creado: Usuario(id=1, nombre=Ana, correo=ana@example.com)\n")
                .contains("  ahora: Usuario(id=1, nombre=Ana María, correo=ana@example.com)\n")
                .contains("  Usuario: Ana, Pedido: Libro\n")
                .contains("  Promedio de IDs: 3.50\n")
                .contains("  users al final: [Ana, Laura, Pedro, Lucía, Marta]\n")
                .contains("  Matemáticas (estudiantes: [Ana])\n")
                .contains("  select(Employee.class): [Employee(Ana), Manager(Bea, Jefa de ventas), Engineer(Carlos, Java)]")
                .contains("  página 3: [user21, user22, user23, user24, user25]\n")
                .contains("  A1234567 pertenece a Carlos\n")
                .contains("  selectinload: 2 sentencias\n")
                .contains("=== §8.6 Sesiones asíncronas con AsyncSession ===\n")     // echo lines come between
                .contains("  users: [Laura]\n")
                .contains("  Ana: 2 pedidos\n")
                .contains("  Carlos: 1 pedidos\n")
                .contains("  TimeoutException: sentencia cancelada\n");
    }

    @BackendTest
    void demoRunsOnEveryBackend(Backend backend) {
        Db.dropTables(backend.engine(), "posts", "pedidos", "usuarios", "users");
        String out = capture(() -> Demo.run(backend.url()));
        assertThat(out).contains("Conexión exitosa a " + backend.name()).contains("usuarios now: 3")
                .contains("  quedan: 2\n")
                .contains("  con pedidos: [Ana, Carlos, Lucía]\n")
                .contains("  IntegrityError: se deshace solo el savepoint\n")
                .contains("  users al final: [Ana, Laura, Pedro, Lucía, Marta]\n")
                .contains("  mismo objeto: true, sentencias: 1\n")
                .contains("  IntegrityError: se deshizo toda la transacción\n")
                .contains("  users: [Ana, Carlos]\n")
                .contains("  la sesión sigue: 2 usuarios\n");
        assertThat(new org.jalchemy.schema.Inspector(backend.engine()).hasTable("users"))
                .as("the demo leaves the last chapter's tables for the reader").isTrue();
        Db.dropTables(backend.engine(), "posts", "pedidos", "usuarios", "users");
    }
}
