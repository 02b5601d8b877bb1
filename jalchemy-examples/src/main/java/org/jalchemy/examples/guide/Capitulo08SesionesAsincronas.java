package org.jalchemy.examples.guide;

import org.jalchemy.asyncio.AsyncEngine;
import org.jalchemy.asyncio.AsyncSessionFactory;
import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.examples.guide.modelos.User_;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;

/**
 * Guide §8.6, asynchronous sessions with {@code AsyncSession}: an async engine, a factory of
 * async sessions with {@code expireOnCommit(false)}, and {@code async with AsyncSessionLocal() as
 * session: async with session.begin(): session.add(User(name="Laura"))} as
 * {@link AsyncSessionFactory#inTransaction}. Chapter 10 ({@link Capitulo10Asincronia}) goes
 * further. Works on chapter 4's {@code users} table ({@link #run} recreates it empty).
 */
public final class Capitulo08SesionesAsincronas {
    private Capitulo08SesionesAsincronas() {
    }

    /** Runs this section alone on {@code mi_base_de_datos.db}, or on the URL given. */
    public static void main(String[] args) {
        Capitulos.main(args, Capitulo08SesionesAsincronas::run);
    }

    public static void run(Engine engine) {
        Capitulo04Modelos.recrear(engine);
        System.out.println("=== §8.6 Sesiones asíncronas con AsyncSession ===");
        // tag::sesion-asincrona[]
        AsyncEngine asyncEngine = AsyncEngine.from(engine);   // or createAsyncEngine(url): chapter 10
        AsyncSessionFactory fabricaAsincrona = AsyncSessionFactory.builder(asyncEngine)
                .expireOnCommit(false)                      // sessionmaker(..., class_=AsyncSession, expire_on_commit=False)
                .build();

        // async with AsyncSessionLocal() as session:  async with session.begin():
        CompletableFuture<Void> hecho = fabricaAsincrona.inTransaction(session -> {
            User nuevoUsuario = new User("Laura", "laura@example.com");
            session.add(nuevoUsuario);
            return CompletableFuture.completedFuture(null);     // nothing more to wait for: commit now
        });
        hecho.join();                                           // wait here (a test, a main); servers return the future
        // end::sesion-asincrona[]
        List<String> nombres = fabricaAsincrona.withSession(
                session -> session.<String>scalars(select(User_.username).orderBy(User_.id))).join();
        System.out.println("  users: " + nombres);
    }
}
