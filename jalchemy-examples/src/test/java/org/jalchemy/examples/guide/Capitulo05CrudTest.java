package org.jalchemy.examples.guide;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.Capitulo04ModelosTest.dropAll;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;
import static org.jalchemy.sql.Sql.text;

/** Guide chapter 5 with the ORM: every CRUD section prints what the docs say and leaves the rows it should. */
class Capitulo05CrudTest {

    private static List<String> nombres(Engine engine) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT nombre FROM usuarios ORDER BY id")).scalars(String.class).all();
        }
    }

    @BackendTest
    void theWholeChapterPrintsItsResults(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            String out = capture(() -> Capitulo05Crud.run(engine));
            assertThat(out).contains("  creado: Usuario(id=1, nombre=Ana, correo=ana@example.com)\n")
                    .contains("  Ana ana@example.com\n").contains("  Luis luis@example.com\n")
                    .contains("  Marta marta@example.com\n")
                    .contains("  Usuario encontrado: Ana, ana@example.com\n  el mismo objeto: true\n")
                    .contains("  first: Ana\n"
                            + "  all: [Ana, Luis, Marta]\n"
                            + "  count: 3\n"
                            + "  filter: [Marta]\n"
                            + "  one: Luis, oneOrNone: null\n"
                            + "  orderByDesc + limit: [Marta, Luis]\n"
                            + "  get: Luis\n")
                    .contains("  ahora: Usuario(id=1, nombre=Ana María, correo=ana@example.com)\n")
                    .contains("  quedan: 2\n")
                    .contains("  usuarios: [Luis, Marta, Carlos, Lucía]\n");
            assertThat(nombres(engine)).containsExactly("Luis", "Marta", "Carlos", "Lucía");
        } finally {
            dropAll(engine);
        }
    }

    @BackendTest
    void eachSectionChangesTheDatabaseAsItSays(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            Capitulo04Modelos.recrear(engine);
            capture(() -> {
                SessionFactory fabrica = Capitulo05Crud.crear(engine);
                assertThat(nombres(engine)).containsExactly("Ana", "Luis", "Marta");
                Capitulo05Crud.leer(fabrica);
                Capitulo05Crud.otrosMetodos(fabrica);
                assertThat(nombres(engine)).as("reading writes nothing").containsExactly("Ana", "Luis", "Marta");
                Capitulo05Crud.actualizar(fabrica);
                assertThat(nombres(engine)).containsExactly("Ana María", "Luis", "Marta");
                Capitulo05Crud.eliminar(fabrica);
                assertThat(nombres(engine)).containsExactly("Luis", "Marta");
                Capitulo05Crud.cicloDeVida(fabrica);
            });
            assertThat(nombres(engine)).containsExactly("Luis", "Marta", "Carlos", "Lucía");
            assertThat(Db.count(engine, "usuarios")).isEqualTo(4);
        } finally {
            dropAll(engine);
        }
    }
}
