package org.jalchemy.examples.guide;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.Usuario;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.Row2;

import java.util.List;
import java.util.Map;

import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.text;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * Guide chapters 1 and 2, run: the same two operations (create a user, read all users) written
 * three ways on the {@code usuarios} table of chapter 4 — SQL by hand, the ORM, and Core — so the
 * chapters can show them side by side. {@link #run} recreates the table empty and drops nothing:
 * the rows stay for the next chapter.
 */
public final class Capitulo01Introduccion {
    private Capitulo01Introduccion() {
    }

    public static void main(String[] args) {
        Capitulos.main(args, Capitulo01Introduccion::run);
    }

    public static void run(Engine engine) {
        Capitulo04Modelos.recrear(engine);
        System.out.println("=== §1 SQL a mano (sin ORM) ===");
        sqlAMano(engine);
        System.out.println("=== §1 El mismo trabajo con el ORM ===");
        conOrm(engine);
        System.out.println("=== §2 Core: SQL construido con código Java ===");
        conCore(engine);
    }

    /** §1: the seed's manual SQL, sent as written through {@code text()} (bound values, no string concatenation). */
    static void sqlAMano(Engine engine) {
        // tag::sql-manual[]
        try (Connection conn = engine.connect()) {
            // INSERT INTO usuarios (nombre, correo) VALUES ('Juan', 'juan@example.com');
            conn.execute(text("INSERT INTO usuarios (nombre, correo) VALUES (:nombre, :correo)"),
                    Map.of("nombre", "Juan", "correo", "juan@example.com"));
            conn.commit();
            // SELECT * FROM usuarios;
            for (var fila : conn.execute(text("SELECT id, nombre, correo FROM usuarios ORDER BY id"))) {
                System.out.println("  " + fila.get("nombre") + " " + fila.get("correo"));
            }
        }
        // end::sql-manual[]
    }

    /** §1: the seed's ORM version ({@code session.add}, {@code commit}, {@code query(Usuario).all()}). */
    static void conOrm(Engine engine) {
        // tag::orm[]
        SessionFactory fabrica = SessionFactory.bind(engine);
        try (Session session = fabrica.open()) {
            Usuario nuevoUsuario = new Usuario("Ana", "ana@example.com");
            session.add(nuevoUsuario);
            session.commit();                                   // the ORM writes the INSERT

            List<Usuario> usuarios = session.scalars(select(Usuario.class)).all();
            for (Usuario usuario : usuarios) {
                System.out.println("  " + usuario.getNombre() + " " + usuario.getCorreo());
            }
        }
        // end::orm[]
    }

    /** §2: Core — a {@link Table} described in code, statements built from it, rows with typed accessors. */
    static void conCore(Engine engine) {
        // tag::core[]
        MetaData metadata = new MetaData();
        Table usuarios = new Table("usuarios", metadata);
        var id = usuarios.column("id", integer()).primaryKey();
        var nombre = usuarios.column("nombre", string(50));
        var correo = usuarios.column("correo", string(100));

        try (Connection conn = engine.connect()) {
            conn.execute(insert(usuarios).values(Map.of("nombre", "Luis", "correo", "luis@example.com")));
            conn.commit();
            for (Row2<String, String> fila : conn.rows(org.jalchemy.sql.Sql.select(nombre, correo).orderBy(id)).all()) {
                System.out.println("  " + fila.value1() + " " + fila.value2());
            }
        }
        // end::core[]
    }
}
