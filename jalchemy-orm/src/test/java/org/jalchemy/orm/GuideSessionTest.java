package org.jalchemy.orm;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.model.Post;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.Usuario;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guide chapters 4 (models and tables), 5 (CRUD) and 8 (sessions and transactions), in Java, on every backend. */
class GuideSessionTest {

    private static Engine usersAndPosts(Backend backend) {
        return OrmTesting.fresh(backend, Registry.of(User.class, Post.class));
    }

    private static Engine usuarios(Backend backend) {
        return OrmTesting.fresh(backend, Registry.of(Usuario.class));
    }

    // ------------------------------------------------------------------ §4 models and tables

    @BackendTest
    void chapter4ModelsCreateTheirTablesThroughTheRegistryMetadata(Backend backend) {
        Engine engine = usersAndPosts(backend);
        SessionFactory Session = SessionFactory.bind(engine);
        try (Session session = Session.open()) {
            User ana = new User("ana", "ana@example.com");
            session.add(ana);
            session.flush();
            session.add(new Post("Hola", "Primer post", ana.id));
            session.commit();
        }
        assertThat(Db.count(engine, "users")).isEqualTo(1);
        assertThat(Db.count(engine, "posts")).isEqualTo(1);
        // nullable=False and unique=True are in the DDL
        try (Session session = Session.open()) {
            session.add(new User("ana", "other@example.com"));
            assertThatThrownBy(session::commit).isInstanceOf(IntegrityError.class);
        }
        try (Session session = Session.open()) {
            session.add(new Post("sin usuario", null, 999_999)); // FK to no user
            assertThatThrownBy(session::commit)
                    .as(backend + " enforces foreign keys")
                    .isInstanceOf(IntegrityError.class);
        }
    }

    // ------------------------------------------------------------------ §5 CRUD

    @BackendTest
    void chapter5CreateReadUpdateDelete(Backend backend) {
        Engine engine = usuarios(backend);
        // 5.1 create: Session = sessionmaker(bind=engine); session = Session(); add; commit; close
        // tag::crud[]
        SessionFactory Session = SessionFactory.bind(engine);
        Session session = Session.open();
        Usuario nuevoUsuario = new Usuario("Ana", "ana@example.com");
        session.add(nuevoUsuario);
        session.commit();
        session.close();
        assertThat(nuevoUsuario.getId()).isNotNull();

        // 5.2 read: query(Usuario).all(); filter_by(correo=...).first()
        session = Session.open();
        session.add(new Usuario("Luis", "luis@example.com"));
        session.commit();
        List<Usuario> usuarios = session.query(Usuario.class).all();
        assertThat(usuarios).extracting(Usuario::getNombre).containsExactlyInAnyOrder("Ana", "Luis");
        Usuario usuario = session.query(Usuario.class).filterBy("correo", "ana@example.com").first().orElseThrow();
        assertThat(usuario.getNombre()).isEqualTo("Ana");
        assertThat(session.query(Usuario.class).count()).isEqualTo(2);
        assertThat(session.query(Usuario.class).filterBy("correo", "nadie@example.com").first()).isEmpty();
        session.close();

        // 5.3 update: modify the attribute and commit
        session = Session.open();
        usuario = session.query(Usuario.class).filterBy("correo", "ana@example.com").first().orElseThrow();
        usuario.setNombre("Ana María");
        session.commit();
        session.close();
        try (Session check = Session.open()) {
            assertThat(check.query(Usuario.class).filterBy("correo", "ana@example.com").one().getNombre())
                    .isEqualTo("Ana María");
        }

        // 5.4 delete
        session = Session.open();
        usuario = session.query(Usuario.class).filterBy("correo", "ana@example.com").first().orElseThrow();
        session.delete(usuario);
        session.commit();
        session.close();
        // end::crud[]
        assertThat(Db.count(engine, "usuarios")).isEqualTo(1);

        // 5.5 session life cycle: try / commit / except: rollback; raise / finally: close
        session = Session.open();
        try {
            Usuario carlos = new Usuario("Carlos", "carlos@example.com");
            session.add(carlos);
            session.commit();
        } catch (RuntimeException e) {
            session.rollback();
            throw e;
        } finally {
            session.close();
        }
        assertThat(Db.count(engine, "usuarios")).isEqualTo(2);
    }

    // ------------------------------------------------------------------ §8 sessions and transactions

    @BackendTest
    void chapter8AddUpdateDeleteThroughTheSession(Backend backend) {
        Engine engine = usersAndPosts(backend);
        SessionFactory Session = SessionFactory.bind(engine);
        try (Session session = Session.open()) {
            User nuevoUsuario = new User("Carlos", "carlos@example.com");
            session.add(nuevoUsuario);
            session.commit();

            User usuario = session.query(User.class).filterBy("username", "Carlos").first().orElseThrow();
            assertThat(usuario).isSameAs(nuevoUsuario); // identity map
            usuario.username = "Carlos Ramírez";
            session.commit();

            usuario = session.query(User.class).filterBy("username", "Carlos Ramírez").first().orElseThrow();
            session.delete(usuario);
            session.commit();
        }
        assertThat(Db.count(engine, "users")).isZero();
    }

    @BackendTest
    void chapter8BeginAsAContextCommitsOrRollsBack(Backend backend) {
        Engine engine = usersAndPosts(backend);
        SessionFactory Session = SessionFactory.bind(engine);
        // with Session() as session: with session.begin(): session.add(User(name="Ana"))
        // tag::begin[]
        try (Session session = Session.open(); SessionTransaction tx = session.begin()) {
            session.add(new User("Ana", "ana@example.com"));
            tx.commit();
        }
        // the same with a lambda: commits on return ...
        Session.inTransaction(session -> session.add(new User("Pedro", "pedro@example.com")));
        // end::begin[]
        // ... and rolls back when the block throws
        assertThatThrownBy(() -> Session.inTransaction(session -> {
            session.add(new User("Eva", "eva@example.com"));
            session.flush();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        // leaving the try block without commit() rolls back
        try (Session session = Session.open(); SessionTransaction tx = session.begin()) {
            session.add(new User("Nadie", "nadie@example.com"));
            session.flush();
            assertThat(tx.isActive()).isTrue();
        }
        try (Session session = Session.open()) {
            assertThat(session.query(User.class).orderBy("username").all()).extracting(u -> u.username)
                    .containsExactly("Ana", "Pedro");
        }
    }

    @BackendTest
    void chapter8ManualTransactionAndIntegrityErrorHandling(Backend backend) {
        Engine engine = usersAndPosts(backend);
        SessionFactory Session = SessionFactory.bind(engine);
        // session.begin(); try: add; commit  except: rollback; raise  finally: close
        Session session = Session.open();
        session.begin();
        try {
            session.add(new User("Pedro", "pedro@example.com"));
            session.commit();
        } catch (RuntimeException e) {
            session.rollback();
            throw e;
        } finally {
            session.close();
        }
        // try: add(User(name="Carlos")); commit  except IntegrityError: rollback
        session = Session.open();
        User duplicate = new User("Pedro", "otro@example.com");
        boolean handled = false;
        try {
            session.add(duplicate);
            session.commit();
        } catch (IntegrityError e) {
            session.rollback();
            handled = true;
            assertThat(e.getMessage()).contains("INSERT of 1 User row(s) into users");
        }
        assertThat(handled).isTrue();
        assertThat(session.inspect(duplicate).state()).isEqualTo(ObjectState.TRANSIENT);
        session.add(new User("Lucía", "lucia@example.com")); // the session is usable again
        session.commit();
        session.close();
        assertThat(Db.count(engine, "users")).isEqualTo(2);
    }

    @BackendTest
    void guideSection3SqliteFileUrlWorksEndToEnd(Backend backend) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend.isSqlite(), "the guide's file URL is SQLite's");
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "guide"));
        java.nio.file.Path file = dir.resolve("mi_base_de_datos.db");
        java.nio.file.Files.deleteIfExists(file);
        try (Engine engine = Jalchemy.createEngine("sqlite:///" + file)) {
            Registry models = Registry.of(User.class, Post.class);
            models.metadata().createAll(engine);
            SessionFactory Session = SessionFactory.bind(engine);
            Session.inTransaction(s -> s.add(new User("Ana", "ana@example.com")));
            try (Session s = Session.open()) {
                assertThat(s.query(User.class).filterBy("email", "ana@example.com").first()).isPresent();
            }
        }
    }
}
