package org.jalchemy.examples.guide;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.Reflected;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.examples.guide.Capitulo04ModelosTest.dropAll;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;
import static org.jalchemy.sql.Sql.text;

/** Guide chapter 11 with the ORM: the practices print what the docs say and leave the database as expected. */
class Capitulo11BuenasPracticasOrmTest {

    @BackendTest
    void practicesPrintTheirResultsAndLeaveTheExpectedRows(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            String out = capture(() -> Capitulo11BuenasPracticasOrm.run(engine));
            assertThat(out).contains("  users: 25\n")
                    .contains("  activos: 20, el primero: user1 <user1@example.com>\n")
                    .contains("  página 3: [user21, user22, user23, user24, user25]\n")
                    .contains("  mismo objeto: true, sentencias: 1\n")
                    .contains("  sin expirar: user2\n")
                    .contains("  expirado y recargado: user3-renombrado (mismo objeto: true)\n")
                    .contains("  count con autoflush: 26, con noAutoflush: 26\n")
                    .contains("  usuarios: 2, pedidos: 2\n")
                    .contains("  índices de usuarios: [idx_usuarios_correo, ix_usuarios_nombre]\n");
            assertThat(Db.count(engine, "users")).as("the noAutoflush example rolled back").isEqualTo(25);
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT username FROM users WHERE id = 2")).scalarOne())
                        .as("the row changed although the unexpired object did not show it").isEqualTo("user2-renombrado");
                Number inactivos = (Number) conn.execute(text("SELECT COUNT(*) FROM users WHERE is_active = :a"),
                        java.util.Map.of("a", false)).scalarOne();
                assertThat(inactivos.longValue()).isEqualTo(5);
            }
            assertThat(new Inspector(engine).getIndexes("usuarios")).extracting(Reflected.Index::name)
                    .contains("ix_usuarios_nombre", "idx_usuarios_correo");
        } finally {
            dropAll(engine);
        }
    }

    @Test
    void echoingFactoryRunsSessions() {
        SessionFactory fabrica = Capitulo11BuenasPracticasOrm.fabricaConEco("sqlite://");
        try {
            assertThat(fabrica.engine().options().echo()).isTrue();
            Capitulo04Modelos.REGISTRY.metadata().createAll(fabrica.engine());
            fabrica.inTransaction(s -> s.add(new User("eco", "eco@example.com")));
            try (Session session = fabrica.open()) {
                assertThat(session.query(User.class).one().username).isEqualTo("eco");
            }
        } finally {
            fabrica.engine().dispose();
        }
    }
}
