package org.jalchemy.examples.guide;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineEvents;
import org.jalchemy.examples.guide.modelos.Pedido;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.examples.guide.modelos.User_;
import org.jalchemy.examples.guide.modelos.Usuario;
import org.jalchemy.orm.Orm;
import org.jalchemy.orm.OrmResult.OrmRow;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.Reflected;
import org.jalchemy.sql.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;

/**
 * Guide chapter 11 (best practices) with the ORM: bulk inserts without objects, selecting only the
 * needed columns, pagination, the identity map as the session's cache, {@code expireOnCommit},
 * {@code noAutoflush}, one session and one short transaction per unit of work, indexes declared
 * on the model, and an echoing engine. The Core practices (pool, engine events) are in
 * {@link Capitulo11BuenasPracticas}. Lazy/eager loading and N+1 concern relationships and arrive
 * with issue 6. {@link #run} recreates chapter 4's tables and loads 25 users.
 */
public final class Capitulo11BuenasPracticasOrm {
    private Capitulo11BuenasPracticasOrm() {
    }

    /** Runs this chapter alone: {@code ./dev mvn -q exec:java -pl jalchemy-examples -Dexec.mainClass=...} [URL]. */
    public static void main(String[] args) {
        Capitulos.main(args, Capitulo11BuenasPracticasOrm::run);
    }

    public static void run(Engine engine) {
        Capitulo04Modelos.recrear(engine);
        SessionFactory fabrica = SessionFactory.bind(engine);
        cargaMasiva(fabrica);
        soloColumnas(fabrica);
        paginar(fabrica);
        cacheDeLaSesion(fabrica);
        sinExpirar(fabrica);
        sinAutoflush(fabrica);
        unidadDeTrabajo(fabrica);
        indices(engine);
    }

    /** Many rows at once: an ORM bulk INSERT (one executemany, no objects built). */
    public static void cargaMasiva(SessionFactory fabrica) {
        System.out.println("=== §11 Inserción masiva: session.execute(Orm.insert(User.class), filas) ===");
        // tag::bulk-insert[]
        List<Map<String, Object>> filas = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {                            // every fifth user is inactive
            filas.add(Map.of("username", "user" + i, "email", "user" + i + "@example.com", "isActive", i % 5 != 0));
        }
        try (Session session = fabrica.open()) {
            session.execute(Orm.insert(User.class), filas);        // keys are attribute names
            session.commit();
            System.out.println("  users: " + session.query(User.class).count());
        }
        // end::bulk-insert[]
    }

    /** §11.1 {@code select(User.username, User.email).where(User.is_active == True)}: no entity, just two columns. */
    public static void soloColumnas(SessionFactory fabrica) {
        System.out.println("=== §11.1 Solo las columnas necesarias ===");
        // tag::columns[]
        try (Session session = fabrica.open()) {
            var stmt = select(User_.username, User_.email)      // not the whole entity
                    .where(User_.isActive.eq(true))
                    .orderBy(User_.id);
            List<OrmRow> filas = session.execute(stmt).all();
            System.out.println("  activos: " + filas.size() + ", el primero: " + filas.get(0).get(0)
                    + " <" + filas.get(0).get(1) + ">");
        }
        // end::columns[]
    }

    /** §11.1 Pagination: {@code select(User).limit(10).offset(20)}. */
    public static void paginar(SessionFactory fabrica) {
        System.out.println("=== §11.1 Paginación: limit(10).offset(20) ===");
        // tag::paginate[]
        try (Session session = fabrica.open()) {
            List<User> pagina = session.scalars(select(User.class)
                            .orderBy(User_.id)                     // a stable order makes pages stable
                            .limit(10).offset(20))                 // rows 21 to 30
                    .all();
            System.out.println("  página 3: " + pagina.stream().map(u -> u.username).toList());
        }
        // end::paginate[]
    }

    /** The identity map is the session's cache: a second {@code get} of the same key runs no SQL. */
    public static void cacheDeLaSesion(SessionFactory fabrica) {
        System.out.println("=== §11.3 Caché: el mapa de identidad de la sesión ===");
        // tag::identity-map[]
        AtomicInteger sentencias = new AtomicInteger();
        try (EngineEvents.Registration escucha = fabrica.engine().events()
                .afterExecute(ctx -> sentencias.incrementAndGet());
             Session session = fabrica.open()) {
            User primero = session.get(User.class, 1).orElseThrow();   // SELECT ... WHERE users.id = ?
            User otraVez = session.get(User.class, 1).orElseThrow();   // found in the identity map: no SQL
            System.out.println("  mismo objeto: " + (primero == otraVez) + ", sentencias: " + sentencias.get());
        }
        // end::identity-map[]
    }

    /**
     * {@code expireOnCommit(false)}: objects keep their values after commit with no reload (useful
     * when they outlive the transaction), at the price of not seeing later changes by others.
     */
    public static void sinExpirar(SessionFactory fabrica) {
        System.out.println("=== §11 expireOnCommit(false) ===");
        // tag::expire-on-commit[]
        SessionFactory sinExpirar = SessionFactory.builder(fabrica.engine()).expireOnCommit(false).build();
        try (Session session = sinExpirar.open()) {
            User user = session.get(User.class, 2).orElseThrow();
            session.commit();                                      // user is not expired
            // another unit of work renames the row meanwhile
            fabrica.inTransaction(otra -> otra.get(User.class, 2).orElseThrow().username = "user2-renombrado");
            User otraVez = session.get(User.class, 2).orElseThrow();   // identity map, no reload
            System.out.println("  sin expirar: " + otraVez.username);
        }
        try (Session session = fabrica.open()) {                   // the default: expireOnCommit(true)
            User user = session.get(User.class, 3).orElseThrow();
            session.commit();                                      // user is expired ...
            fabrica.inTransaction(otra -> otra.get(User.class, 3).orElseThrow().username = "user3-renombrado");
            User otraVez = session.get(User.class, 3).orElseThrow();   // ... so this reloads it
            System.out.println("  expirado y recargado: " + otraVez.username + " (mismo objeto: " + (otraVez == user) + ")");
        }
        // end::expire-on-commit[]
    }

    /** Autoflush writes pending objects before a query; {@code noAutoflush} holds them back. */
    public static void sinAutoflush(SessionFactory fabrica) {
        System.out.println("=== §11 noAutoflush ===");
        // tag::no-autoflush[]
        try (Session session = fabrica.open()) {
            session.add(new User("pendiente", "pendiente@example.com"));
            long conAutoflush = session.query(User.class).count();            // flushes the INSERT first
            session.add(new User("retenido", "retenido@example.com"));
            long sinAutoflush = session.noAutoflush(() -> session.query(User.class).count());   // no flush
            System.out.println("  count con autoflush: " + conAutoflush + ", con noAutoflush: " + sinAutoflush);
            session.rollback();                                                // keep neither
        }
        // end::no-autoflush[]
    }

    /** §11.6 One session and one short transaction per unit of work. */
    public static void unidadDeTrabajo(SessionFactory fabrica) {
        System.out.println("=== §11.6 Una sesión y una transacción corta por unidad de trabajo ===");
        registrarPedido(fabrica, "Ana", "ana@example.com", "Libro");
        registrarPedido(fabrica, "Carlos", "carlos@example.com", "Taza");
        try (Session session = fabrica.open()) {
            System.out.println("  usuarios: " + session.query(Usuario.class).count()
                    + ", pedidos: " + session.query(Pedido.class).count());
        }
    }

    // tag::unit-of-work[]
    /** One request of an application: its own session, one transaction, committed on return. */
    static void registrarPedido(SessionFactory fabrica, String nombre, String correo, String descripcion) {
        fabrica.inTransaction(session -> {             // with Session.begin() as session:
            Usuario usuario = new Usuario(nombre, correo);
            session.add(usuario);
            session.flush();                           // the usuario's id, for the pedido's foreign key
            session.add(new Pedido(usuario.getId(), descripcion));
        });                                            // COMMIT; the session is closed
    }
    // end::unit-of-work[]

    /** §11.4 The indexes the {@code Usuario} model declares, as the database reports them. */
    public static void indices(Engine engine) {
        System.out.println("=== §11.4 Índices declarados en el modelo Usuario ===");
        // tag::indexes[]
        List<String> indices = new Inspector(engine).getIndexes("usuarios").stream()
                .map(Reflected.Index::name).sorted().toList();
        System.out.println("  índices de usuarios: " + indices);
        // end::indexes[]
    }

    /** §11.5 An engine that logs every statement (logger {@code jalchemy.engine}), sessions on it. */
    public static SessionFactory fabricaConEco(String url) {
        // tag::echo[]
        Engine engine = Jalchemy.createEngine(url, o -> o.echo(true));   // create_engine(url, echo=True)
        SessionFactory fabrica = SessionFactory.bind(engine);          // every session's SQL is logged
        // end::echo[]
        return fabrica;
    }
}
