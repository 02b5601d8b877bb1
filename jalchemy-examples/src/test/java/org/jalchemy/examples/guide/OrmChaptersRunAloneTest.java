package org.jalchemy.examples.guide;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Inspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;

/** Each ORM chapter's main runs it alone on a SQLite file, from empty, and again on the same file. */
class OrmChaptersRunAloneTest {

    @Test
    void everyChapterMainRunsOnAFreshFileAndAgainOnTheSameFile(@TempDir Path dir) {
        String url = "sqlite:///" + dir.resolve("mi_base_de_datos.db");
        for (int vez = 0; vez < 2; vez++) {
            String out = capture(() -> {
                Capitulo04Modelos.main(new String[]{url});
                Capitulo05Crud.main(new String[]{url});
                Capitulo06ConsultasOrm.main(new String[]{url});
                Capitulo08Sesiones.main(new String[]{url});
                Capitulo11BuenasPracticasOrm.main(new String[]{url});
                Capitulo08SesionesAsincronas.main(new String[]{url});
                Capitulo10Asincronia.main(new String[]{url});
            });
            assertThat(out).contains("  User(id=1, username=ana, email=ana@example.com)\n")
                    .contains("  usuarios: [Luis, Marta, Carlos, Lucía]\n")
                    .contains("  Promedio de IDs: 3.50\n")
                    .contains("  users al final: [Ana, Laura, Pedro, Lucía, Marta]\n")
                    .contains("  usuarios: 2, pedidos: 2\n")
                    .contains("  users: [Laura]\n")
                    .contains("  la sesión sigue: 2 usuarios\n");
        }
        assertThat(Files.exists(dir.resolve("mi_base_de_datos.db"))).isTrue();
        try (Engine engine = Jalchemy.createEngine(url)) {
            assertThat(new Inspector(engine).getTableNames()).contains("users", "usuarios", "pedidos");
        }
    }
}
