package org.jalchemy.examples.guide;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;
import static org.jalchemy.sql.Sql.text;

/** Guide chapter 7 (and the relationship parts of §4, §6.4, §11.1): what each section prints, on every backend. */
class Capitulo07RelacionesTest {

    private static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return ((Number) c.execute(text("SELECT COUNT(*) FROM " + table)).scalarOne()).longValue();
        }
    }

    @BackendTest
    void theWholeChapterPrintsWhatTheGuidePrints(Backend backend) {
        Engine engine = backend.engine();
        Capitulo04ModelosTest.dropAll(engine);
        try {
            String out = capture(() -> {
                Capitulo07Relaciones.recrear(engine);
                var fabrica = org.jalchemy.orm.SessionFactory.bind(engine);
                Capitulo07Relaciones.tiposDeRelaciones(fabrica);
                Capitulo07Relaciones.unoAMuchos(fabrica);
                Capitulo07Relaciones.muchosAMuchos(fabrica);
                Capitulo07Relaciones.unoAUno(fabrica);
                Capitulo07Relaciones.bidireccionales(fabrica);
                Capitulo07Relaciones.joins(fabrica);
                Capitulo07Relaciones.estrategiasDeCarga(fabrica);
                Capitulo07Relaciones.cargaDeUnaReferencia(fabrica);
            });
            assertThat(out)
                    .contains("  autores de 'Escrito a cuatro manos': [Ana, Bea]\n")
                    .contains("  Primera publicación\n  Segunda publicación\n")
                    .contains("  Matemáticas (estudiantes: [Ana])\n")
                    .contains("  Ciencias (estudiantes: [Ana])\n")
                    .contains("  A1234567 pertenece a Carlos\n")
                    .contains("  post.author = Juan\n")
                    .contains("  posts de Juan: [Primera publicación, Segunda publicación, Tercera publicación, "
                            + "Cuarta publicación]\n")
                    .contains("  entrada.author = Lucía, user_id = 1\n")
                    .contains("  Usuario: Ana, Pedido: Libro\n  Usuario: Ana, Pedido: Lámpara\n"
                            + "  Usuario: Carlos, Pedido: Taza\n  (1 sentencia)\n")
                    .contains("  Ana: [Libro, Lámpara]\n  Carlos: [Taza]\n  Lucía: []\n  (2 sentencias)\n")
                    .contains("  Libro es de Ana\n  Lámpara es de Ana\n  Taza es de Carlos\n  (2 sentencias)\n")
                    .contains("  con containsEager: Ana -> [Libro]\n")
                    .doesNotContain("con containsEager: Carlos")
                    .contains("  lazy (por defecto): 4 sentencias para 3 usuarios\n")
                    .contains("  joinedload: 1 sentencia\n")
                    .contains("  selectinload: 2 sentencias\n")
                    .contains("  NPlusOneError: N+1 queries: relationship User.posts was lazy-loaded 3 times in one session")
                    .contains("  ¿perfil cargado? false\n  perfil: Escribe sobre bases de datos\n"
                            + "  lazy=\"select\": 2 sentencias\n")
                    .contains("  Juan: Escribe sobre bases de datos\n  Luisa: (sin perfil)\n  Pedro: (sin perfil)\n"
                            + "  joinedload(User_.profile): 1 sentencia\n")
                    .contains("  selectinload(User_.profile): 2 sentencias\n");
            assertThat(count(engine, "student_course")).isEqualTo(2);
            assertThat(count(engine, "author_books")).isEqualTo(3);
            assertThat(count(engine, "posts")).isEqualTo(4);
            assertThat(count(engine, "passports")).isEqualTo(1);
            assertThat(count(engine, "pedidos")).isEqualTo(3);
            assertThat(count(engine, "profiles")).isEqualTo(1);
        } finally {
            Capitulo07Relaciones.borrar(engine);
        }
    }
}
