package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's chapter examples run on every backend and print what the docs say they print. */
class GuideExamplesTest {

    static String capture(Runnable r) {
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

    @BackendTest
    void chapters4And6CoreRunAndPrintTheirResults(Backend backend) {
        Engine engine = backend.engine();
        Capitulo04Tablas.drop(engine);
        try {
            String out = capture(() -> {
                Capitulo04Tablas.run(engine);
                Capitulo06Consultas.run(engine);
            });
            assertThat(out).contains("tablas creadas: [usuarios, pedidos]")
                    .contains("  Lucía (41)\n  Ana (30)\n")
                    .doesNotContain("Carlos (25)")
                    .contains("  Ana -> Libro\n  Ana -> Lámpara\n  Carlos -> Taza\n")
                    .contains("  Ana: 2 pedidos, 3 unidades\n  Carlos: 1 pedidos, 4 unidades\n  Lucía: 0 pedidos, 0 unidades\n");
        } finally {
            Capitulo04Tablas.drop(engine);
        }
    }

    @BackendTest
    void chapter8TransactionsAndChapter11PracticesRunAndPrintTheirResults(Backend backend) {
        Engine engine = backend.engine();
        Capitulo04Tablas.drop(engine);
        try {
            capture(() -> Capitulo04Tablas.run(engine));
            String out = capture(() -> {
                Capitulo08Transacciones.run(engine);
                Capitulo11BuenasPracticas.run(engine);
            });
            assertThat(out).contains("usuarios tras rollback: 3\n")
                    .contains("usuarios tras commit: 4\n")
                    .contains("IntegrityError: nombre duplicado")
                    .contains("usuarios ahora: 5\n")
                    .contains("error: IntegrityError; nada se guardó")
                    .contains("usuarios al final: 5\n")
                    .contains("  página 1: Ana\n  página 1: Carlos\n  página 2: Lucía\n  página 2: Pedro\n")
                    .doesNotContain("Marta")
                    .contains("sentencias ejecutadas: 2\n");
        } finally {
            Capitulo04Tablas.drop(engine);
        }
    }

    @org.junit.jupiter.api.Test
    void tunedPoolEngineConnects() {
        try (Engine engine = Capitulo11BuenasPracticas.engineAjustado("sqlite://")) {
            assertThat(engine.options().poolSize()).isEqualTo(10);
            assertThat(engine.options().maxOverflow()).isEqualTo(20);
            assertThat(engine.options().prePing()).isTrue();
        }
    }
}
