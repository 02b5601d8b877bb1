package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.Reflected;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.examples.guide.GuideExamplesTest.capture;

/** Guide chapter 4 with the ORM: the models create their tables, with the constraints the annotations declare. */
class Capitulo04ModelosTest {

    /** The guide's tables, and jalchemy-orm's test table {@code posts} (it references {@code users}; one database serves both modules). */
    static void dropAll(Engine engine) {
        Db.dropTables(engine, "posts", "pedidos", "usuarios", "users");
    }

    @BackendTest
    void modelsCreateTheirTablesPrintTheirDdlAndQueryThroughTheMetamodel(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            String out = capture(() -> Capitulo04Modelos.run(engine));
            assertThat(out).contains("  tablas creadas: [users, usuarios, pedidos]\n")
                    .contains("CREATE TABLE users (")
                    .contains("username VARCHAR(50) NOT NULL,")
                    .contains("email VARCHAR(120) NOT NULL,")
                    .contains("PRIMARY KEY (id)")
                    .contains("UNIQUE (username)")
                    .contains("  User(id=1, username=ana, email=ana@example.com)\n");

            Inspector inspector = new Inspector(engine);
            assertThat(inspector.hasTable("users")).isTrue();
            assertThat(inspector.getColumns("users")).extracting(Reflected.Column::name)
                    .containsExactly("id", "username", "email", "is_active");
            assertThat(inspector.getColumns("usuarios")).extracting(Reflected.Column::name)
                    .containsExactly("id", "nombre", "correo");
            assertThat(inspector.getForeignKeys("pedidos")).singleElement().satisfies(fk -> {
                assertThat(fk.columns()).containsExactly("usuario_id");
                assertThat(fk.referredTable()).isEqualTo("usuarios");
            });
            assertThat(Db.count(engine, "users")).isEqualTo(1);

            // nullable=False and unique=True are in the database, not only in the annotations
            SessionFactory fabrica = SessionFactory.bind(engine);
            try (Session session = fabrica.open()) {
                session.add(new User("ana", "otra@example.com"));
                assertThatThrownBy(session::commit).isInstanceOf(IntegrityError.class);
            }
            try (Session session = fabrica.open()) {
                session.add(new User(null, "sin-nombre@example.com"));
                assertThatThrownBy(session::commit).isInstanceOf(IntegrityError.class);
            }
            assertThat(Db.count(engine, "users")).isEqualTo(1);
        } finally {
            dropAll(engine);
        }
    }

    @BackendTest
    void recrearGivesEmptyTablesWhoseKeysStartAtOne(Backend backend) {
        Engine engine = backend.engine();
        dropAll(engine);
        try {
            capture(() -> Capitulo04Modelos.run(engine));
            Capitulo04Modelos.recrear(engine);
            assertThat(Db.count(engine, "users")).isZero();
            User user = new User("bea", "bea@example.com");
            SessionFactory.bind(engine).inTransaction(s -> s.add(user));
            assertThat(user.id).isEqualTo(1);
            assertThat(user.isActive).isTrue();
            Capitulo04Modelos.borrar(engine);
            assertThat(new Inspector(engine).hasTable("users")).isFalse();
        } finally {
            dropAll(engine);
        }
    }
}
