package org.jalchemy.examples.guide;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineEvents;
import org.jalchemy.engine.Row;
import org.jalchemy.examples.guide.Tienda.Usuarios;
import org.jalchemy.schema.MetaData;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.jalchemy.sql.Sql.select;

/**
 * Guide chapter 11 (best practices) at the Core level: select only the needed columns, paginate
 * with limit/offset, size the pool, count statements with engine events. Needs chapter 4's tables.
 * Lazy vs eager loading and N+1 belong to the ORM (issues 5 and 6).
 */
public final class Capitulo11BuenasPracticas {
    private Capitulo11BuenasPracticas() {
    }

    public static void run(Engine engine) {
        Usuarios usuarios = new Usuarios(new MetaData());

        System.out.println("=== §11 Solo las columnas necesarias, paginadas ===");
        try (Connection conn = engine.connect()) {
            // tag::paginate[]
            int porPagina = 2;
            for (int pagina = 0; pagina < 2; pagina++) {
                var consulta = select(usuarios.id, usuarios.nombre)   // not SELECT *
                        .orderBy(usuarios.id)                          // a stable order makes pages stable
                        .limit(porPagina).offset(pagina * porPagina);
                for (Row row : conn.execute(consulta)) {
                    System.out.println("  página " + (pagina + 1) + ": " + row.get(usuarios.nombre));
                }
            }
            // end::paginate[]
        }

        System.out.println("=== §11 Monitorizar: contar sentencias con eventos del engine ===");
        // tag::events[]
        AtomicInteger sentencias = new AtomicInteger();
        EngineEvents.Registration escucha = engine.events()
                .afterExecute(ctx -> sentencias.incrementAndGet());   // ctx.sql(), ctx.elapsedNanos(), ...
        try (Connection conn = engine.connect()) {
            conn.execute(select(usuarios.nombre).where(usuarios.id.eq(1))).all();
            conn.execute(select(usuarios.nombre).where(usuarios.id.eq(2))).all();
        } finally {
            escucha.close();
        }
        System.out.println("  sentencias ejecutadas: " + sentencias.get());
        // end::events[]
    }

    /** The pool settings of §11, as a reader would write them (the demo prints the status). */
    public static Engine engineAjustado(String url) {
        // tag::pool[]
        Engine engine = Jalchemy.createEngine(url, o -> o
                .poolSize(10)                        // connections kept open
                .maxOverflow(20)                     // extra connections under load
                .poolTimeout(Duration.ofSeconds(30)) // wait this long for a free connection
                .recycle(Duration.ofHours(1))        // replace connections older than this
                .prePing(true));                     // check a connection before handing it out
        // end::pool[]
        return engine;
    }
}
