package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.Capitulo04ModelosTest.dropAll;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;

/** Guide chapter 6 with the ORM: select, filters, ordering, join, aggregates, GROUP BY and subqueries. */
class Capitulo06ConsultasOrmTest {

    @BackendTest
    void queriesPrintTheRowsTheGuideExpects(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            String out = capture(() -> Capitulo06ConsultasOrm.run(engine));
            assertThat(Db.count(engine, "usuarios")).isEqualTo(6);
            assertThat(Db.count(engine, "pedidos")).isEqualTo(4);
            assertThat(out)
                    .contains("  Ana ana@example.com\n").contains("  Carlos carlos.r@example.com\n")
                    .contains("  scalars().all(): 6 usuarios\n")
                    .contains("  filterBy: Carlos carlos@example.com\n  filterBy: Carlos carlos.r@example.com\n"
                            + "  filter: Carlos carlos.r@example.com\n")
                    .contains("  por nombre: [Ana, Carlos, Carlos, Lucía, Marta, Pedro]\n")
                    .contains("  por id desc: [6, 5, 4, 3, 2, 1]\n")
                    .contains("  Usuario: Ana, Pedido: Libro\n  Usuario: Ana, Pedido: Lámpara\n"
                            + "  Usuario: Carlos, Pedido: Taza\n  Usuario: Lucía, Pedido: Cuaderno\n")
                    .contains("  Total de usuarios: 6\n  Promedio de IDs: 3.50\n")
                    .contains("  Ana: 2\n  Carlos: 1\n  Lucía: 1\n  Pedro: 0\n  Marta: 0\n  Carlos: 0\n")
                    .contains("  con 2 o más pedidos: [Ana]\n")
                    .contains("  con pedidos: [Ana, Carlos, Lucía]\n")
                    .contains("  Ana tiene 2 pedido(s)\n  Carlos tiene 1 pedido(s)\n  Lucía tiene 1 pedido(s)\n");
        } finally {
            dropAll(engine);
        }
    }
}
