package org.jalchemy.examples.guide;

import org.jalchemy.asyncio.AsyncEngine;
import org.jalchemy.asyncio.AsyncSessionFactory;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;
import static org.jalchemy.sql.Sql.text;

/** Guide chapter 10 and §8.6 with jalchemy-async: every example runs and leaves the database as it says. */
class Capitulo10AsincroniaTest {

    private static List<String> usernames(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT username FROM users ORDER BY id")).scalars(String.class).all();
        }
    }

    @BackendTest
    void theWholeChapterPrintsItsResults(Backend backend) {
        Engine engine = backend.engine();
        Capitulo04ModelosTest.dropAll(engine);
        try {
            long t0 = System.nanoTime();
            String out = capture(() -> Capitulo10Asincronia.run(engine));
            assertThat(out).contains("=== §10.2 Motor y sesiones asincrónicas ===\n  usuarios al empezar: 0\n")
                    .contains("  encontrado: User(id=1, username=Ana, email=ana@example.com)\n"
                            + "  actualizado: true\n  borrado: true\n  borrado otra vez: false\n"
                            + "  ahora: User(id=1, username=Ana, email=ana@example.org)\n")
                    .contains("  IntegrityError: se deshizo toda la transacción\n  users: [Ana, Carlos]\n")
                    .contains("  200 peticiones atendidas, 200 con usuario\n")
                    .contains("  Ana: 2 pedidos\n  Carlos: 1 pedidos\n")
                    .contains("=== stream(): filas bajo demanda (Flow.Publisher) ===\n  Ana\n  Carlos\n  leídos: 2\n")
                    .contains("  TimeoutException: sentencia cancelada\n  la sesión sigue: 2 usuarios\n");
            assertThat(usernames(engine)).containsExactly("Ana", "Carlos");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the 30 s query was cancelled by the timeout")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(engine.poolStatus().checkedOut()).as("every session closed").isZero();
        } finally {
            Capitulo10Asincronia.borrar(engine);
        }
    }

    @BackendTest
    void theGuidesFourFunctionsDoWhatTheySay(Backend backend) throws Exception {
        Engine engine = backend.engine();
        Capitulo10Asincronia.recrear(engine);
        try {
            AsyncSessionFactory f = AsyncSessionFactory.builder(AsyncEngine.from(engine)).expireOnCommit(false).build();
            Capitulo10Asincronia.addUser(f, "Nora", "nora@example.com").get(20, TimeUnit.SECONDS);
            User nora = Capitulo10Asincronia.getUserById(f, 1).get(20, TimeUnit.SECONDS);
            assertThat(nora.username).isEqualTo("Nora");
            assertThat(Capitulo10Asincronia.getUserById(f, 2).get(20, TimeUnit.SECONDS)).isNull();
            assertThat(Capitulo10Asincronia.updateUserEmail(f, 2, "x@example.com").get(20, TimeUnit.SECONDS)).isFalse();
            assertThat(Capitulo10Asincronia.updateUserEmail(f, 1, "nora@example.org").get(20, TimeUnit.SECONDS)).isTrue();
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT email FROM users WHERE id = 1")).scalar()).isEqualTo("nora@example.org");
            }
            assertThat(Capitulo10Asincronia.deleteUser(f, 1).get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(usernames(engine)).isEmpty();
        } finally {
            Capitulo10Asincronia.borrar(engine);
        }
    }

    @BackendTest
    void section86AddsLauraInAnAsyncTransaction(Backend backend) {
        Engine engine = backend.engine();
        Capitulo04ModelosTest.dropAll(engine);
        try {
            String out = capture(() -> Capitulo08SesionesAsincronas.run(engine));
            assertThat(out).contains("=== §8.6 Sesiones asíncronas con AsyncSession ===\n  users: [Laura]\n");
            assertThat(usernames(engine)).containsExactly("Laura");
        } finally {
            Capitulo04ModelosTest.dropAll(engine);
        }
    }

    @BackendTest
    void theChapterMainCreatesItsOwnAsyncEngine(Backend backend) {
        try (AsyncEngine asyncEngine = Capitulo10Asincronia.motor(backend.url())) {
            assertThat(asyncEngine.sync().options().echo()).isTrue();
            assertThat(asyncEngine.dialect().name()).isEqualTo(backend.isMariadb() ? "mariadb" : backend.name());
        }
    }
}
