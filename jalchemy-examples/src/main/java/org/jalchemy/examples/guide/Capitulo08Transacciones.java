package org.jalchemy.examples.guide;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Transaction;
import org.jalchemy.examples.guide.Tienda.Usuarios;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.schema.MetaData;

import java.util.Map;

import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;

/**
 * Guide chapter 8 (transactions) at the Connection level: commit, rollback, a SAVEPOINT that
 * undoes one failed step, and {@code engine.inTransaction} which commits on return and rolls back
 * on an exception. Needs the tables of chapter 4 with its three usuarios. The Session form of this
 * chapter arrives with the ORM (issue 5).
 */
public final class Capitulo08Transacciones {
    private Capitulo08Transacciones() {
    }

    static long contar(Connection conn, Usuarios usuarios) {
        return conn.execute(select(func.count()).selectFrom(usuarios)).scalarOne(Long.class);
    }

    public static void run(Engine engine) {
        Usuarios usuarios = new Usuarios(new MetaData());

        System.out.println("=== §8 commit y rollback ===");
        // tag::commit-rollback[]
        try (Connection conn = engine.connect()) {       // autobegin: the first statement opens a transaction
            conn.execute(insert(usuarios), Map.of("id", 10, "nombre", "Pedro", "email", "pedro@example.com"));
            conn.rollback();                              // Pedro is gone
            System.out.println("  usuarios tras rollback: " + contar(conn, usuarios));
            conn.execute(insert(usuarios), Map.of("id", 10, "nombre", "Pedro", "email", "pedro@example.com"));
            conn.commit();                                // Pedro is kept
            System.out.println("  usuarios tras commit: " + contar(conn, usuarios));
        }
        // end::commit-rollback[]

        System.out.println("=== §8 SAVEPOINT: deshacer un paso fallido ===");
        // tag::savepoint[]
        try (Connection conn = engine.connect()) {
            conn.execute(insert(usuarios), Map.of("id", 11, "nombre", "Marta", "email", "marta@example.com"));
            Transaction savepoint = conn.beginNested();   // SAVEPOINT
            try {
                conn.execute(insert(usuarios), Map.of("id", 12, "nombre", "Ana", "email", "otra@example.com"));
                savepoint.commit();
            } catch (IntegrityError e) {                  // nombre is UNIQUE: "Ana" already exists
                System.out.println("  IntegrityError: nombre duplicado, se deshace solo el savepoint");
                savepoint.rollback();                     // ROLLBACK TO SAVEPOINT: Marta survives
            }
            conn.commit();
            System.out.println("  usuarios ahora: " + contar(conn, usuarios));
        }
        // end::savepoint[]

        System.out.println("=== §8 engine.inTransaction: rollback automático ante un error ===");
        // tag::in-transaction[]
        try {
            engine.inTransaction(conn -> {
                conn.execute(insert(usuarios), Map.of("id", 13, "nombre", "Raúl", "email", "raul@example.com"));
                conn.execute(insert(usuarios), Map.of("id", 13, "nombre", "Raúl2", "email", "r2@example.com"));
            });                                           // duplicate primary key: everything rolls back
        } catch (IntegrityError e) {
            System.out.println("  error: " + e.getClass().getSimpleName() + "; nada se guardó");
        }
        try (Connection conn = engine.connect()) {
            System.out.println("  usuarios al final: " + contar(conn, usuarios));
        }
        // end::in-transaction[]
    }
}
