package org.jalchemy.examples.guide;

import org.jalchemy.asyncio.AsyncEngine;
import org.jalchemy.asyncio.AsyncSession;
import org.jalchemy.asyncio.AsyncSessionFactory;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Result;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.examples.guide.modelos.User_;
import org.jalchemy.examples.guide.relaciones.Pedido;
import org.jalchemy.examples.guide.relaciones.Usuario;
import org.jalchemy.examples.guide.relaciones.Usuario_;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static org.jalchemy.asyncio.AsyncJalchemy.await;
import static org.jalchemy.asyncio.AsyncJalchemy.createAsyncEngine;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.text;

/**
 * Guide chapter 10, asynchronous use: an async engine and session factory (§10.2), the guide's four
 * async functions — get, add, update and delete a user (§10.3) — and transactions that commit or
 * roll back (§10.4); then what the Java version adds: many requests at once on virtual threads,
 * lazy loading inside the async session (SQLAlchemy's {@code MissingGreenlet} case), a stream with
 * back-pressure, and a statement cancelled by a timeout. Works on chapter 4's {@code users} table
 * and §6.4's {@code usuarios}/{@code pedidos}; {@link #run} recreates them, {@link #borrar} drops them.
 *
 * <p>The futures are joined right away so the chapter prints in order; in a server the handler
 * returns the future instead, and no thread waits.
 */
public final class Capitulo10Asincronia {
    /** The chapter's tables: §4's users, and §6.4's usuarios with their pedidos (a lazy collection). */
    public static final Registry REGISTRY = Registry.of(User.class, Usuario.class, Pedido.class);

    private Capitulo10Asincronia() {
    }

    /** Runs this chapter alone on {@code mi_base_de_datos.db}, or on the URL given. */
    public static void main(String[] args) {
        try (AsyncEngine asyncEngine = motor(args.length > 0 ? args[0] : Capitulos.DEFAULT_URL)) {
            run(asyncEngine.sync());
        }
    }

    public static void run(Engine engine) {
        recrear(engine);
        AsyncSessionFactory asyncSession = fabrica(AsyncEngine.from(engine));
        consultas(asyncSession);
        transacciones(asyncSession);
        concurrencia(asyncSession);
        cargaPerezosa(asyncSession);
        stream(asyncSession);
        cancelacion(asyncSession, engine);
    }

    /** Drops (if present) and creates the chapter's tables. */
    public static void recrear(Engine engine) {
        REGISTRY.metadata().dropAll(engine);
        REGISTRY.metadata().createAll(engine);
    }

    /** Drops the chapter's tables if they exist. */
    public static void borrar(Engine engine) {
        REGISTRY.metadata().dropAll(engine);
    }

    /** §10.2 Creating an async engine: the same URL and options as {@code createEngine}. */
    public static AsyncEngine motor(String url) {
        // tag::motor[]
        AsyncEngine asyncEngine = createAsyncEngine(url, o -> o.echo(true));   // create_async_engine(url, echo=True)
        // end::motor[]
        return asyncEngine;
    }

    /** §10.2 The factory of async sessions, and a session used as {@code async with async_session() as session:}. */
    public static AsyncSessionFactory fabrica(AsyncEngine asyncEngine) {
        System.out.println("=== §10.2 Motor y sesiones asincrónicas ===");
        // tag::fabrica[]
        AsyncSessionFactory asyncSession = AsyncSessionFactory.builder(asyncEngine)
                .expireOnCommit(false)                                  // expire_on_commit=False
                .build();                                               // sessionmaker(..., class_=AsyncSession)

        // async with async_session() as session: ...   (closed when the future completes)
        long usuarios = asyncSession.withSession(session -> session.scalar(select(func.count(User_.id))))
                .join().longValue();
        System.out.println("  usuarios al empezar: " + usuarios);
        // end::fabrica[]
        return asyncSession;
    }

    // tag::get-user-by-id[]
    /** async def get_user_by_id(user_id): the user, or null. */
    static CompletableFuture<User> getUserById(AsyncSessionFactory asyncSession, int userId) {
        return asyncSession.inTransaction(session ->                      // async with session.begin():
                session.execute(select(User.class).where(User_.id.eq(userId)))   // await session.execute(...)
                        .thenApply(result -> result.<User>scalarOneOrNone()));
    }
    // end::get-user-by-id[]

    // tag::add-user[]
    /** async def add_user(username, email). */
    static CompletableFuture<Void> addUser(AsyncSessionFactory asyncSession, String username, String email) {
        return asyncSession.inTransaction(session -> {
            User newUser = new User(username, email);
            session.add(newUser);                                       // plain: no I/O
            return session.commit();                                    // await session.commit()
        });
    }
    // end::add-user[]

    // tag::update-user-email[]
    /** async def update_user_email(user_id, new_email): true when the user exists. */
    static CompletableFuture<Boolean> updateUserEmail(AsyncSessionFactory asyncSession, int userId, String newEmail) {
        return asyncSession.inTransaction(session ->
                session.execute(select(User.class).where(User_.id.eq(userId))).thenCompose(result -> {
                    User user = result.scalarOneOrNone();
                    if (user == null) {
                        return CompletableFuture.completedFuture(false);
                    }
                    user.email = newEmail;
                    return session.commit().thenApply(v -> true);       // await session.commit()
                }));
    }
    // end::update-user-email[]

    // tag::delete-user[]
    /** async def delete_user(user_id): true when the user existed. */
    static CompletableFuture<Boolean> deleteUser(AsyncSessionFactory asyncSession, int userId) {
        return asyncSession.inTransaction(session ->
                session.execute(select(User.class).where(User_.id.eq(userId))).thenCompose(result -> {
                    User user = result.scalarOneOrNone();
                    if (user == null) {
                        return CompletableFuture.completedFuture(false);
                    }
                    return session.delete(user)                         // await session.delete(user)
                            .thenCompose(v -> session.commit())         // await session.commit()
                            .thenApply(v -> true);
                }));
    }
    // end::delete-user[]

    /** §10.3 The four functions, one after the other. */
    public static void consultas(AsyncSessionFactory asyncSession) {
        System.out.println("=== §10.3 Consultas, inserciones, actualizaciones y borrados asincrónicos ===");
        // tag::usar-funciones[]
        addUser(asyncSession, "Ana", "ana@example.com").join();
        addUser(asyncSession, "Carlos", "carlos@example.com").join();
        addUser(asyncSession, "Lucía", "lucia@example.com").join();
        User ana = getUserById(asyncSession, 1).join();
        System.out.println("  encontrado: " + ana);
        System.out.println("  actualizado: " + updateUserEmail(asyncSession, 1, "ana@example.org").join());
        System.out.println("  borrado: " + deleteUser(asyncSession, 3).join());
        System.out.println("  borrado otra vez: " + deleteUser(asyncSession, 3).join());
        System.out.println("  ahora: " + getUserById(asyncSession, 1).join());
        // end::usar-funciones[]
    }

    /** §10.4 Transactions: commit on success, rollback on failure, the sync API's exceptions. */
    public static void transacciones(AsyncSessionFactory asyncSession) {
        System.out.println("=== §10.4 Transacciones asincrónicas ===");
        // tag::transacciones[]
        try {
            await(asyncSession.inTransaction(session -> {               // async with session.begin():
                session.add(new User("Pedro", "pedro@example.com"));
                session.add(new User("Ana", "otra.ana@example.com"));  // username is UNIQUE: Ana exists
                return session.flush();
            }));
        } catch (IntegrityError e) {                                    // await(...) rethrows it unwrapped
            System.out.println("  IntegrityError: se deshizo toda la transacción");
        }
        // end::transacciones[]
        System.out.println("  users: " + nombres(asyncSession));
    }

    /** §10.1 Why async: many requests at once, each waiting for the database without holding a thread. */
    public static void concurrencia(AsyncSessionFactory asyncSession) {
        System.out.println("=== §10.1 Muchas peticiones a la vez, en hilos virtuales ===");
        // tag::concurrencia[]
        List<CompletableFuture<User>> peticiones = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            peticiones.add(getUserById(asyncSession, i % 2 + 1));      // none waits for the one before
        }
        CompletableFuture.allOf(peticiones.toArray(CompletableFuture[]::new)).join();
        // end::concurrencia[]
        long encontradas = peticiones.stream().filter(p -> p.join() != null).count();
        System.out.println("  " + peticiones.size() + " peticiones atendidas, " + encontradas + " con usuario");
    }

    /**
     * Lazy loading inside the async session: the case where SQLAlchemy's asyncio raises
     * {@code MissingGreenlet} and needs {@code selectinload} or {@code awaitable_attrs}.
     */
    public static void cargaPerezosa(AsyncSessionFactory asyncSession) {
        System.out.println("=== Carga perezosa dentro de la sesión asíncrona ===");
        try (Session s = SessionFactory.bind(asyncSession.engine().sync()).open()) {
            Usuario ana = new Usuario("Ana", "ana@example.com");
            ana.pedidos.add(new Pedido("Libro"));
            ana.pedidos.add(new Pedido("Lámpara"));
            Usuario carlos = new Usuario("Carlos", "carlos@example.com");
            carlos.pedidos.add(new Pedido("Teclado"));
            s.addAll(List.of(ana, carlos));
            s.commit();
        }
        // tag::carga-perezosa[]
        List<String> lineas = asyncSession.withSession(session ->
                session.<Usuario>scalars(select(Usuario.class).orderBy(Usuario_.id)).thenApply(usuarios ->
                        usuarios.stream()
                                .map(u -> u.nombre + ": " + u.pedidos.size() + " pedidos")   // lazy load: works
                                .toList()))
                .join();
        // end::carga-perezosa[]
        lineas.forEach(l -> System.out.println("  " + l));
    }

    /** A stream of users with back-pressure: two at a time. */
    public static void stream(AsyncSessionFactory asyncSession) {
        System.out.println("=== stream(): filas bajo demanda (Flow.Publisher) ===");
        // tag::stream[]
        int leidos = asyncSession.withSession(session -> {
            CompletableFuture<Integer> fin = new CompletableFuture<>();
            session.<User>streamScalars(select(User.class).orderBy(User_.id).yieldPer(2))
                    .subscribe(new Flow.Subscriber<>() {
                        private Flow.Subscription subscription;
                        private int n;

                        @Override
                        public void onSubscribe(Flow.Subscription s) {
                            subscription = s;
                            s.request(2);                               // back-pressure: two rows at a time
                        }

                        @Override
                        public void onNext(User user) {
                            System.out.println("  " + user.username);
                            if (++n % 2 == 0) {
                                subscription.request(2);
                            }
                        }

                        @Override
                        public void onError(Throwable error) {
                            fin.completeExceptionally(error);
                        }

                        @Override
                        public void onComplete() {
                            fin.complete(n);
                        }
                    });
            return fin;
        }).join();
        // end::stream[]
        System.out.println("  leídos: " + leidos);
    }

    /** A timeout cancels the statement on the server; the session is rolled back and goes on. */
    public static void cancelacion(AsyncSessionFactory asyncSession, Engine engine) {
        System.out.println("=== Cancelación: orTimeout cancela la sentencia ===");
        String consultaLenta = consultaLenta(engine);
        AsyncSession session = asyncSession.open();
        // tag::timeout[]
        CompletableFuture<Result> lenta = session.execute(text(consultaLenta))
                .orTimeout(1, TimeUnit.SECONDS);                        // cancels the statement when it fires
        try {
            lenta.join();
        } catch (CompletionException e) {
            System.out.println("  " + e.getCause().getClass().getSimpleName() + ": sentencia cancelada");
        }
        Number total = session.scalar(select(func.count(User_.id))).join();   // the session goes on
        // end::timeout[]
        System.out.println("  la sesión sigue: " + total + " usuarios");
        session.close().join();
    }

    /** A query that runs for about 30 seconds on this engine's database. */
    static String consultaLenta(Engine engine) {
        return switch (engine.dialect().name()) {
            case "postgresql" -> "SELECT pg_sleep(30)";
            case "sqlite" -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) "
                    + "SELECT COUNT(*) FROM c";
            default -> "SELECT SLEEP(30)";                              // MySQL, MariaDB
        };
    }

    static List<String> nombres(AsyncSessionFactory asyncSession) {
        return asyncSession.withSession(s -> s.<String>scalars(select(User_.username).orderBy(User_.id))).join();
    }
}
