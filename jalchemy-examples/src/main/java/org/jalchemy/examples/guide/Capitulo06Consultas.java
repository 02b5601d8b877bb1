package org.jalchemy.examples.guide;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Row;
import org.jalchemy.examples.guide.Tienda.Pedidos;
import org.jalchemy.examples.guide.Tienda.Usuarios;
import org.jalchemy.schema.MetaData;

import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.select;

/**
 * Guide chapter 6 (advanced queries) in Core: filter, order, join, aggregate over the tables of
 * chapter 4 ({@link Capitulo04Tablas#run} must have run). The guide writes these with
 * {@code session.query}; the ORM form arrives with issue 5 and compiles to the same SQL.
 */
public final class Capitulo06Consultas {
    private Capitulo06Consultas() {
    }

    public static void run(Engine engine) {
        MetaData metadata = new MetaData();
        Usuarios usuarios = new Usuarios(metadata);
        Pedidos pedidos = new Pedidos(metadata);
        try (Connection conn = engine.connect()) {
            System.out.println("=== §6 Filtrar y ordenar ===");
            // tag::filter-order[]
            var mayores = select(usuarios.nombre, usuarios.edad)
                    .where(usuarios.edad.gt(26))
                    .orderBy(usuarios.edad.desc());
            for (Row row : conn.execute(mayores)) {
                System.out.println("  " + row.get(usuarios.nombre) + " (" + row.get(usuarios.edad) + ")");
            }
            // end::filter-order[]

            System.out.println("=== §6 Join: pedidos con su usuario ===");
            // tag::join[]
            var conUsuario = select(usuarios.nombre, pedidos.producto)
                    .selectFrom(pedidos)
                    .join(usuarios)                   // ON inferred from the foreign key
                    .orderBy(pedidos.id);
            for (Row row : conn.execute(conUsuario)) {
                System.out.println("  " + row.get(usuarios.nombre) + " -> " + row.get(pedidos.producto));
            }
            // end::join[]

            System.out.println("=== §6 Agregados: pedidos por usuario ===");
            // tag::aggregate[]
            var total = func.coalesce(func.sum(pedidos.cantidad), 0).label("unidades");
            var porUsuario = select(usuarios.nombre, func.count(pedidos.id).label("pedidos"), total)
                    .selectFrom(usuarios)
                    .outerjoin(pedidos)
                    .groupBy(usuarios.nombre)
                    .orderBy(usuarios.nombre);
            for (Row row : conn.execute(porUsuario)) {
                System.out.println("  " + row.get(usuarios.nombre) + ": " + row.get("pedidos", Long.class)
                        + " pedidos, " + row.get("unidades") + " unidades");
            }
            // end::aggregate[]
        }
    }
}
