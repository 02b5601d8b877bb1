package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.Usuario;
import org.jalchemy.examples.guide.modelos.Usuario_;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;

import java.util.List;
import java.util.Optional;

/**
 * Guide chapter 5 (basic CRUD) with the ORM's {@link Session}, one method per section of the
 * guide: create, read (all, filter, the other query methods), update, delete, and the session's
 * life cycle. Works on the {@code usuarios} table of chapter 4; {@link #run} recreates it empty,
 * then runs the sections in order, each one seeing what the previous left.
 */
public final class Capitulo05Crud {
    private Capitulo05Crud() {
    }

    /** Runs this chapter alone: {@code ./dev mvn -q exec:java -pl jalchemy-examples -Dexec.mainClass=...} [URL]. */
    public static void main(String[] args) {
        Capitulos.main(args, Capitulo05Crud::run);
    }

    public static void run(Engine engine) {
        Capitulo04Modelos.recrear(engine);
        SessionFactory fabrica = crear(engine);
        leer(fabrica);
        otrosMetodos(fabrica);
        actualizar(fabrica);
        eliminar(fabrica);
        cicloDeVida(fabrica);
    }

    /** §5.1 Create: {@code add} then {@code commit}; returns the session factory the other sections use. */
    public static SessionFactory crear(Engine engine) {
        System.out.println("=== §5.1 Crear registros: session.add + session.commit ===");
        // tag::crear[]
        SessionFactory fabrica = SessionFactory.bind(engine);   // Session = sessionmaker(bind=engine)
        Session session = fabrica.open();                       // session = Session()

        Usuario nuevoUsuario = new Usuario("Ana", "ana@example.com");
        session.add(nuevoUsuario);                              // pending: nothing is written yet
        session.commit();                                       // INSERT, then COMMIT
        session.close();
        System.out.println("  creado: " + nuevoUsuario);        // the generated id is set
        // end::crear[]
        // tag::crear-varios[]
        try (Session otra = fabrica.open()) {                   // try-with-resources closes it
            otra.addAll(List.of(new Usuario("Luis", "luis@example.com"),
                    new Usuario("Marta", "marta@example.com"))); // session.add_all([...])
            otra.commit();
        }
        // end::crear-varios[]
        return fabrica;
    }

    /** §5.2 Read: {@code query(Usuario).all()} and {@code filter_by(...).first()}. */
    public static void leer(SessionFactory fabrica) {
        System.out.println("=== §5.2 Leer registros: query(Usuario.class).all() ===");
        // tag::leer[]
        try (Session session = fabrica.open()) {
            List<Usuario> usuarios = session.query(Usuario.class).all();
            for (Usuario usuario : usuarios) {
                System.out.println("  " + usuario.getNombre() + " " + usuario.getCorreo());
            }
        }
        // end::leer[]

        System.out.println("=== §5.2 Filtrar: filterBy(...).first() ===");
        // tag::filtrar[]
        try (Session session = fabrica.open()) {
            Usuario usuario = session.query(Usuario.class)
                    .filterBy("correo", "ana@example.com")           // filter_by(correo="ana@example.com")
                    .first()                                         // Optional: empty when nothing matches
                    .orElseThrow();
            System.out.println("  Usuario encontrado: " + usuario.getNombre() + ", " + usuario.getCorreo());
            // the same with the metamodel: the attribute and the value's type are checked by javac
            Usuario otraVez = session.query(Usuario.class).filterBy(Usuario_.correo, "ana@example.com").one();
            System.out.println("  el mismo objeto: " + (otraVez == usuario));   // identity map
        }
        // end::filtrar[]
    }

    /** §5.2 "Otros métodos útiles": first, all, count, filter, one, oneOrNone, orderBy, limit, get. */
    public static void otrosMetodos(SessionFactory fabrica) {
        System.out.println("=== §5.2 Otros métodos útiles ===");
        // tag::otros-metodos[]
        try (Session session = fabrica.open()) {
            var porNombre = session.query(Usuario.class).orderBy(Usuario_.nombre);  // queries are immutable
            Usuario primero = porNombre.first().orElseThrow();                     // LIMIT 1
            List<Usuario> todos = porNombre.all();
            long cuantos = session.query(Usuario.class).count();                   // SELECT count(*)
            List<Usuario> conM = session.query(Usuario.class)
                    .filter(Usuario_.nombre.startsWith("M"), Usuario_.id.gt(1))    // filter(): any expression
                    .all();
            Usuario luis = session.query(Usuario.class).filterBy("nombre", "Luis").one(); // exactly one, or an error
            Usuario nadie = session.query(Usuario.class).filterBy("nombre", "Nadie").oneOrNone(); // null
            List<Usuario> ultimos = session.query(Usuario.class).orderByDesc(Usuario_.id).limit(2).all();
            Optional<Usuario> porId = session.get(Usuario.class, luis.getId());    // identity map first: no SQL here

            System.out.println("  first: " + primero.getNombre());
            System.out.println("  all: " + todos.stream().map(Usuario::getNombre).toList());
            System.out.println("  count: " + cuantos);
            System.out.println("  filter: " + conM.stream().map(Usuario::getNombre).toList());
            System.out.println("  one: " + luis.getNombre() + ", oneOrNone: " + nadie);
            System.out.println("  orderByDesc + limit: " + ultimos.stream().map(Usuario::getNombre).toList());
            System.out.println("  get: " + porId.map(Usuario::getNombre).orElse("-"));
        }
        // end::otros-metodos[]
    }

    /** §5.3 Update: change the object, commit; only changed columns are written. */
    public static void actualizar(SessionFactory fabrica) {
        System.out.println("=== §5.3 Actualizar: cambiar el atributo y commit ===");
        // tag::actualizar[]
        try (Session session = fabrica.open()) {
            Usuario usuario = session.query(Usuario.class).filterBy("correo", "ana@example.com").first().orElseThrow();
            usuario.setNombre("Ana María");        // a plain field change ...
            session.commit();                      // ... found at flush: UPDATE usuarios SET nombre=? WHERE id=?
        }
        try (Session session = fabrica.open()) {
            System.out.println("  ahora: " + session.query(Usuario.class).filterBy("correo", "ana@example.com").one());
        }
        // end::actualizar[]
    }

    /** §5.4 Delete: {@code session.delete} then {@code commit}. */
    public static void eliminar(SessionFactory fabrica) {
        System.out.println("=== §5.4 Eliminar: session.delete + commit ===");
        // tag::eliminar[]
        try (Session session = fabrica.open()) {
            Usuario usuario = session.query(Usuario.class).filterBy("correo", "ana@example.com").first().orElseThrow();
            session.delete(usuario);               // marked for deletion
            session.commit();                      // DELETE FROM usuarios WHERE id=?
            System.out.println("  quedan: " + session.query(Usuario.class).count());
        }
        // end::eliminar[]
    }

    /** §5.5 The session's life cycle: create, work, commit or roll back, close. */
    public static void cicloDeVida(SessionFactory fabrica) {
        System.out.println("=== §5.5 Ciclo de vida de una sesión ===");
        // tag::ciclo-de-vida[]
        Session session = fabrica.open();
        try {
            Usuario nuevoUsuario = new Usuario("Carlos", "carlos@example.com");
            session.add(nuevoUsuario);
            session.commit();
        } catch (RuntimeException e) {
            session.rollback();                    // undo what was not committed
            throw e;
        } finally {
            session.close();                       // give the connection back, detach the objects
        }
        // the same in one call: commits when the lambda returns, rolls back if it throws, closes
        fabrica.inTransaction(s -> s.add(new Usuario("Lucía", "lucia@example.com")));
        // end::ciclo-de-vida[]
        try (Session s = fabrica.open()) {
            System.out.println("  usuarios: " + s.query(Usuario.class).orderBy(Usuario_.id).all().stream()
                    .map(Usuario::getNombre).toList());
        }
    }
}
