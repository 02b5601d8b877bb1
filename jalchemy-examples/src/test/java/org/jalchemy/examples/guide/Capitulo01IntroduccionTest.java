package org.jalchemy.examples.guide;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;

/** Guide chapters 1 and 2: SQL by hand, the ORM and Core do the same work and see each other's rows. */
class Capitulo01IntroduccionTest {
    @BackendTest
    void manualSqlOrmAndCoreSideBySide(Backend backend) {
        try {
            String out = capture(() -> Capitulo01Introduccion.run(backend.engine()));
            assertThat(out).contains("=== §1 SQL a mano (sin ORM) ===\n  Juan juan@example.com\n")
                    .contains("=== §1 El mismo trabajo con el ORM ===\n  Juan juan@example.com\n  Ana ana@example.com\n")
                    .contains("=== §2 Core: SQL construido con código Java ===\n  Juan juan@example.com\n  Ana ana@example.com\n"
                            + "  Luis luis@example.com\n");
        } finally {
            Capitulo04Modelos.borrar(backend.engine());
        }
    }
}
