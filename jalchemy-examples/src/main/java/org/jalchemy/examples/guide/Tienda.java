package org.jalchemy.examples.guide;

import org.jalchemy.schema.Column;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;

import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * Chapter 4 of the guide at the Core level: the {@code usuarios} and {@code pedidos} tables as
 * {@link Table} declarations. The guide declares them as ORM models; the declarative models arrive
 * with the ORM (issue 5) and map onto tables like these. A new {@link MetaData} per call keeps
 * examples independent of each other.
 */
public final class Tienda {
    private Tienda() {
    }

    // tag::tables[]
    public static final class Usuarios extends Table {
        public final Column<Integer> id = column("id", integer()).primaryKey();
        public final Column<String> nombre = column("nombre", string(50)).nullable(false).unique();
        public final Column<String> email = column("email", string(100)).nullable(false).index();
        public final Column<Integer> edad = column("edad", integer());
        public Usuarios(MetaData md) { super("usuarios", md); }
    }

    public static final class Pedidos extends Table {
        public final Column<Integer> id = column("id", integer()).primaryKey();
        public final Column<String> producto = column("producto", string(100)).nullable(false);
        public final Column<Integer> cantidad = column("cantidad", integer()).nullable(false);
        public final Column<Integer> usuarioId = column("usuario_id", integer()).nullable(false)
                .foreignKey(ForeignKey.to("usuarios.id").onDelete("CASCADE"));
        public Pedidos(MetaData md) { super("pedidos", md); }
    }
    // end::tables[]
}
