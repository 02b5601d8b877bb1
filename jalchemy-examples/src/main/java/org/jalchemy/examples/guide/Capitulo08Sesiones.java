package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.examples.guide.modelos.User_;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.SessionTransaction;

import java.util.List;

/**
 * Guide chapter 8 (transactions and session handling) with the ORM: the session factory, add /
 * update / delete through the session, {@code begin()} as a try-with-resources block,
 * {@code inTransaction}, the manual begin/commit/rollback pattern, {@link IntegrityError}
 * handling, and a SAVEPOINT with {@code beginNested()}. The Connection-level form of the chapter
 * is {@link Capitulo08Transacciones}. Works on chapter 4's {@code users} table ({@link #run}
 * recreates it empty).
 *
 * <p>Java cannot see whether a block ended by an exception, so a {@link SessionTransaction}
 * commits only when told to: leaving its try block without {@code commit()} rolls back.
 */
public final class Capitulo08Sesiones {
    private Capitulo08Sesiones() {
    }

    /** Runs this chapter alone: {@code ./dev mvn -q exec:java -pl jalchemy-examples -Dexec.mainClass=...} [URL]. */
    public static void main(String[] args) {
        Capitulos.main(args, Capitulo08Sesiones::run);
    }

    public static void run(Engine engine) {
        Capitulo04Modelos.recrear(engine);
        SessionFactory fabrica = fabrica(engine);
        anadirActualizarEliminar(fabrica);
        contexto(fabrica);
        manual(fabrica);
        errores(fabrica);
        savepoint(fabrica);
        System.out.println("  users al final: " + nombres(fabrica));
    }

    /** §8.1 The session factory (sessionmaker) and a session from it. */
    public static SessionFactory fabrica(Engine engine) {
        System.out.println("=== §8.1 La fábrica de sesiones ===");
        // tag::fabrica[]
        SessionFactory fabrica = SessionFactory.bind(engine);     // Session = sessionmaker(bind=engine)
        Session session = fabrica.open();                         // session = Session()
        System.out.println("  sesión abierta; en transacción: " + session.inTransaction());   // autobegin: not yet
        session.close();
        // end::fabrica[]
        return fabrica;
    }

    /** §8.2 Add, update and delete objects; one row is one object within a session. */
    public static void anadirActualizarEliminar(SessionFactory fabrica) {
        System.out.println("=== §8.2 Añadir, actualizar y eliminar con la sesión ===");
        // tag::add-update-delete[]
        try (Session session = fabrica.open()) {
            User nuevoUsuario = new User("Carlos", "carlos@example.com");
            session.add(nuevoUsuario);
            session.commit();                                     // INSERT

            User usuario = session.query(User.class).filterBy("username", "Carlos").first().orElseThrow();
            System.out.println("  el mismo objeto: " + (usuario == nuevoUsuario));   // identity map
            usuario.username = "Carlos Ramírez";
            session.commit();                                     // UPDATE users SET username=? WHERE id=?

            usuario = session.query(User.class).filterBy("username", "Carlos Ramírez").first().orElseThrow();
            session.delete(usuario);
            session.commit();                                     // DELETE
            System.out.println("  estado tras delete + commit: " + session.inspect(usuario).state());
        }
        // end::add-update-delete[]
    }

    /** §8.3 {@code with session.begin():} as try-with-resources, and {@code inTransaction}. */
    public static void contexto(SessionFactory fabrica) {
        System.out.println("=== §8.3 session.begin() con try-with-resources ===");
        // tag::in-transaction[]
        // with Session.begin() as session: commits when the lambda returns, rolls back if it throws
        fabrica.inTransaction(session -> session.add(new User("Ana", "ana@example.com")));
        // end::in-transaction[]
        // tag::begin[]
        try (Session session = fabrica.open(); SessionTransaction tx = session.begin()) {
            session.add(new User("Laura", "laura@example.com"));
            tx.commit();                 // explicit: leaving the block without commit() rolls back
        }
        try (Session session = fabrica.open(); SessionTransaction tx = session.begin()) {
            session.add(new User("Nadie", "nadie@example.com"));
            session.flush();             // the INSERT ran ...
        }                                // ... and is rolled back here (no commit()), with a WARN:
        // "Session transaction closed without commit(): rolled back, discarding 1 change (...)"
        // end::begin[]
        System.out.println("  users: " + nombres(fabrica));
    }

    /** §8.4 Manual control: begin, commit, rollback on error, close. */
    public static void manual(SessionFactory fabrica) {
        System.out.println("=== §8.4 Transacción manual: begin / commit / rollback / close ===");
        // tag::manual[]
        Session session = fabrica.open();
        session.begin();                                          // explicit BEGIN
        try {
            User nuevoUsuario = new User("Pedro", "pedro@example.com");
            session.add(nuevoUsuario);
            session.commit();
        } catch (RuntimeException e) {
            session.rollback();                                   // undo, then let the error go on
            throw e;
        } finally {
            session.close();
        }
        // end::manual[]
        System.out.println("  users: " + nombres(fabrica));
    }

    /** §8.5 Handling errors: an {@link IntegrityError} at commit, rollback, and the session goes on. */
    public static void errores(SessionFactory fabrica) {
        System.out.println("=== §8.5 Manejo de errores: IntegrityError ===");
        // tag::integrity-error[]
        try (Session session = fabrica.open()) {
            User repetido = new User("Pedro", "otro.pedro@example.com");      // username is UNIQUE
            try {
                session.add(repetido);
                session.commit();
            } catch (IntegrityError e) {
                session.rollback();
                System.out.println("  Error de integridad, cambios deshechos.");
            }
            System.out.println("  el objeto vuelve a ser: " + session.inspect(repetido).state());
            session.add(new User("Lucía", "lucia@example.com"));  // the session is usable again
            session.commit();
        }
        // end::integrity-error[]
        System.out.println("  users: " + nombres(fabrica));
    }

    /** SAVEPOINT: {@code beginNested()} undoes one failed step and keeps the rest of the transaction. */
    public static void savepoint(SessionFactory fabrica) {
        System.out.println("=== §8 SAVEPOINT con beginNested() ===");
        // tag::savepoint[]
        try (Session session = fabrica.open()) {
            session.add(new User("Marta", "marta@example.com"));
            try (SessionTransaction savepoint = session.beginNested()) {   // flushes Marta, then SAVEPOINT
                session.add(new User("Ana", "otra.ana@example.com"));      // "Ana" already exists
                savepoint.commit();                                        // flush fails: IntegrityError
            } catch (IntegrityError e) {
                System.out.println("  IntegrityError: se deshace solo el savepoint");
            }
            session.commit();                                              // Marta is kept
        }
        // end::savepoint[]
    }

    static List<String> nombres(SessionFactory fabrica) {
        try (Session session = fabrica.open()) {
            return session.query(User.class).orderBy(User_.id).all().stream().map(u -> u.username).toList();
        }
    }
}
