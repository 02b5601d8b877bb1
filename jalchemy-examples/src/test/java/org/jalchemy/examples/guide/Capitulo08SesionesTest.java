package org.jalchemy.examples.guide;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.Capitulo04ModelosTest.dropAll;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;
import static org.jalchemy.sql.Sql.text;

/** Guide chapter 8 with the ORM: commits keep work, rollbacks (explicit, implicit, savepoint) undo it. */
class Capitulo08SesionesTest {

    private static List<String> usernames(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT username FROM users ORDER BY id")).scalars(String.class).all();
        }
    }

    @BackendTest
    void theWholeChapterPrintsItsResults(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            String out = capture(() -> Capitulo08Sesiones.run(engine));
            assertThat(out).contains("  sesión abierta; en transacción: false\n")
                    .contains("  el mismo objeto: true\n  estado tras delete + commit: DETACHED\n")
                    .contains("=== §8.3 session.begin() con try-with-resources ===\n[WARN] Session transaction closed "
                            + "without commit(): rolled back, discarding 1 change (1 written by flushes; not flushed: "
                            + "0 new, 0 modified, 0 deleted).")
                    .contains("  users: [Ana, Laura]\n=== §8.4")
                    .contains("  users: [Ana, Laura, Pedro]\n")
                    .contains("  Error de integridad, cambios deshechos.\n  el objeto vuelve a ser: TRANSIENT\n"
                            + "  users: [Ana, Laura, Pedro, Lucía]\n")
                    .contains("  IntegrityError: se deshace solo el savepoint\n")
                    .contains("  users al final: [Ana, Laura, Pedro, Lucía, Marta]\n")
                    .doesNotContain("Nadie");
            assertThat(usernames(engine)).containsExactly("Ana", "Laura", "Pedro", "Lucía", "Marta");
        } finally {
            dropAll(engine);
        }
    }

    @BackendTest
    void eachSectionCommitsOrRollsBackAsItSays(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            Capitulo04Modelos.recrear(engine);
            capture(() -> {
                SessionFactory fabrica = Capitulo08Sesiones.fabrica(engine);
                Capitulo08Sesiones.anadirActualizarEliminar(fabrica);
                assertThat(usernames(engine)).as("added, renamed, deleted").isEmpty();
                Capitulo08Sesiones.contexto(fabrica);
                assertThat(usernames(engine)).as("the block without commit() rolled back").containsExactly("Ana", "Laura");
                Capitulo08Sesiones.manual(fabrica);
                Capitulo08Sesiones.errores(fabrica);
                assertThat(usernames(engine)).as("the duplicate Pedro was rolled back, Lucía committed")
                        .containsExactly("Ana", "Laura", "Pedro", "Lucía");
                Capitulo08Sesiones.savepoint(fabrica);
            });
            assertThat(usernames(engine)).as("the savepoint dropped the second Ana, Marta stayed")
                    .containsExactly("Ana", "Laura", "Pedro", "Lucía", "Marta");
        } finally {
            dropAll(engine);
        }
    }
}
