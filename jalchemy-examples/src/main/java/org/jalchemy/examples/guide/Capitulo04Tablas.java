package org.jalchemy.examples.guide;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.Tienda.Pedidos;
import org.jalchemy.examples.guide.Tienda.Usuarios;
import org.jalchemy.schema.MetaData;

import java.util.List;
import java.util.Map;

import static org.jalchemy.sql.Sql.insert;

/**
 * Guide chapter 4 (models and tables), Core form: declare tables, {@code metadata.createAll},
 * insert the sample rows the later chapters query. Leaves the tables in place (chapter 6 reads
 * them); {@link #drop(Engine)} removes them.
 */
public final class Capitulo04Tablas {
    private Capitulo04Tablas() {
    }

    public static void run(Engine engine) {
        System.out.println("=== §4 Tablas usuarios y pedidos: metadata.createAll ===");
        // tag::create-all[]
        MetaData metadata = new MetaData();
        Usuarios usuarios = new Usuarios(metadata);
        Pedidos pedidos = new Pedidos(metadata);
        metadata.createAll(engine);      // CREATE TABLE usuarios ..., CREATE TABLE pedidos ... (FK order)
        // end::create-all[]
        // tag::insert-rows[]
        try (Connection conn = engine.connect()) {
            conn.execute(insert(usuarios), List.of(
                    Map.of("id", 1, "nombre", "Ana", "email", "ana@example.com", "edad", 30),
                    Map.of("id", 2, "nombre", "Carlos", "email", "carlos@example.com", "edad", 25),
                    Map.of("id", 3, "nombre", "Lucía", "email", "lucia@example.com", "edad", 41)));
            conn.execute(insert(pedidos), List.of(
                    Map.of("id", 1, "producto", "Libro", "cantidad", 2, "usuario_id", 1),
                    Map.of("id", 2, "producto", "Lámpara", "cantidad", 1, "usuario_id", 1),
                    Map.of("id", 3, "producto", "Taza", "cantidad", 4, "usuario_id", 2)));
            conn.commit();
        }
        // end::insert-rows[]
        System.out.println("  tablas creadas: " + metadata.tables().stream().map(t -> t.name()).toList());
    }

    public static void drop(Engine engine) {
        MetaData metadata = new MetaData();
        new Usuarios(metadata);
        new Pedidos(metadata);
        metadata.dropAll(engine);
    }
}
