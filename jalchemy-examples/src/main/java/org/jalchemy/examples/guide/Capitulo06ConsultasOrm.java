package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.Pedido;
import org.jalchemy.examples.guide.modelos.Pedido_;
import org.jalchemy.examples.guide.modelos.Usuario;
import org.jalchemy.examples.guide.modelos.Usuario_;
import org.jalchemy.orm.OrmResult.OrmRow;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.sql.Alias;
import org.jalchemy.sql.Select;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.orm.Orm.table;
import static org.jalchemy.sql.Sql.and;
import static org.jalchemy.sql.Sql.desc;
import static org.jalchemy.sql.Sql.func;

/**
 * Guide chapter 6 (advanced queries) with the ORM: {@code select(Usuario.class)} run by the
 * session, filtering ({@code filterBy}, {@code filter}/{@code where} with {@code and}), ordering,
 * a join between entities, aggregates, GROUP BY / HAVING and subqueries. The Core form of the
 * same chapter is {@link Capitulo06Consultas}. {@link #run} recreates chapter 4's tables and
 * seeds six usuarios (two called Carlos, ids 2 and 6) and four pedidos.
 */
public final class Capitulo06ConsultasOrm {
    private Capitulo06ConsultasOrm() {
    }

    /** Runs this chapter alone: {@code ./dev mvn -q exec:java -pl jalchemy-examples -Dexec.mainClass=...} [URL]. */
    public static void main(String[] args) {
        Capitulos.main(args, Capitulo06ConsultasOrm::run);
    }

    public static void run(Engine engine) {
        Capitulo04Modelos.recrear(engine);
        SessionFactory fabrica = SessionFactory.bind(engine);
        sembrar(fabrica);
        try (Session session = fabrica.open()) {
            seleccionar(session);
            filtrar(session);
            ordenar(session);
            unir(session);
            agregar(session);
            agrupar(session);
            subconsultas(session);
        }
    }

    /** The sample data: usuarios first (their ids are generated), then pedidos pointing at them. */
    public static void sembrar(SessionFactory fabrica) {
        // tag::sembrar[]
        fabrica.inTransaction(session -> {
            Usuario ana = new Usuario("Ana", "ana@example.com");
            Usuario carlos = new Usuario("Carlos", "carlos@example.com");
            Usuario lucia = new Usuario("Lucía", "lucia@example.com");
            session.addAll(List.of(ana, carlos, lucia, new Usuario("Pedro", "pedro@example.com"),
                    new Usuario("Marta", "marta@example.com"), new Usuario("Carlos", "carlos.r@example.com")));
            session.flush();                       // INSERTs now, so the generated ids are known
            session.addAll(List.of(new Pedido(ana.getId(), "Libro"), new Pedido(ana.getId(), "Lámpara"),
                    new Pedido(carlos.getId(), "Taza"), new Pedido(lucia.getId(), "Cuaderno")));
        });                                        // commit
        // end::sembrar[]
    }

    /** §6.1 {@code select(Usuario)}: rows holding the entity, or the entities themselves with {@code scalars()}. */
    public static void seleccionar(Session session) {
        System.out.println("=== §6.1 select(Usuario.class) ===");
        // tag::select[]
        var stmt = select(Usuario.class);                       // SELECT usuarios.id, usuarios.nombre, ...
        for (OrmRow row : session.execute(stmt)) {                 // result = session.execute(stmt)
            Usuario usuario = row.get(Usuario.class);              // row.Usuario
            System.out.println("  " + usuario.getNombre() + " " + usuario.getCorreo());
        }
        List<Usuario> usuarios = session.scalars(stmt).all();   // the entities themselves
        System.out.println("  scalars().all(): " + usuarios.size() + " usuarios");
        // end::select[]
    }

    /** §6.2 {@code filter_by} (equality by name) and {@code filter} with {@code and_}. */
    public static void filtrar(Session session) {
        System.out.println("=== §6.2 Filtrar: filterBy y filter(and(...)) ===");
        // tag::filtrar[]
        List<Usuario> carlos = session.scalars(select(Usuario.class).filterBy("nombre", "Carlos")).all();
        for (Usuario usuario : carlos) {
            System.out.println("  filterBy: " + usuario.getNombre() + " " + usuario.getCorreo());
        }
        // filter(and_(Usuario.nombre == "Carlos", Usuario.id > 5)); where(...) is the same call
        var stmt = select(Usuario.class).filter(and(Usuario_.nombre.eq("Carlos"), Usuario_.id.gt(5)));
        for (Usuario usuario : session.scalars(stmt).all()) {
            System.out.println("  filter: " + usuario.getNombre() + " " + usuario.getCorreo());
        }
        // end::filtrar[]
    }

    /** §6.3 {@code order_by}, ascending and with {@code desc()}. */
    public static void ordenar(Session session) {
        System.out.println("=== §6.3 Ordenar: orderBy(Usuario_.nombre), orderBy(desc(Usuario_.id)) ===");
        // tag::ordenar[]
        List<Usuario> porNombre = session.scalars(select(Usuario.class).orderBy(Usuario_.nombre, Usuario_.id)).all();
        List<Usuario> porIdDesc = session.scalars(select(Usuario.class).orderBy(desc(Usuario_.id))).all();
        System.out.println("  por nombre: " + porNombre.stream().map(Usuario::getNombre).toList());
        System.out.println("  por id desc: " + porIdDesc.stream().map(Usuario::getId).toList());
        // end::ordenar[]
    }

    /** §6.4 A join between two entities, each row giving both objects. */
    public static void unir(Session session) {
        System.out.println("=== §6.4 Join: select(Usuario.class, Pedido.class).join(...) ===");
        // tag::join[]
        var stmt = select(Usuario.class, Pedido.class)
                .join(table(Pedido.class), Usuario_.id.eq(Pedido_.usuarioId))   // JOIN pedidos ON ...
                .orderBy(Pedido_.id);
        for (OrmRow row : session.execute(stmt)) {                // for usuario, pedido in result
            Usuario usuario = row.get(Usuario.class);
            Pedido pedido = row.get(Pedido.class);
            System.out.println("  Usuario: " + usuario.getNombre() + ", Pedido: " + pedido.descripcion);
        }
        // end::join[]
    }

    /** §6.5 {@code func.count} and {@code func.avg}. */
    public static void agregar(Session session) {
        System.out.println("=== §6.5 Agregaciones: func.count, func.avg ===");
        // tag::agregados[]
        long total = session.execute(select(func.count(Usuario_.id))).scalarOne();
        System.out.println("  Total de usuarios: " + total);
        BigDecimal promedio = session.scalar(select(func.avg(Usuario_.id)));   // its scale varies by database
        System.out.println("  Promedio de IDs: " + promedio.setScale(2, RoundingMode.HALF_UP));
        // end::agregados[]
    }

    /** GROUP BY and HAVING over the join: pedidos per usuario. */
    public static void agrupar(Session session) {
        System.out.println("=== §6.5 GROUP BY y HAVING: pedidos por usuario ===");
        // tag::group-by[]
        var pedidos = func.count(Pedido_.id).label("pedidos");
        var porUsuario = select(Usuario_.nombre, pedidos)
                .outerjoin(table(Pedido.class), Usuario_.id.eq(Pedido_.usuarioId))  // usuarios without pedidos too
                .groupBy(Usuario_.id, Usuario_.nombre)
                .orderBy(Usuario_.id);
        for (OrmRow row : session.execute(porUsuario)) {
            System.out.println("  " + row.get(0) + ": " + row.get(1));
        }
        var conVarios = select(Usuario_.nombre)
                .join(table(Pedido.class), Usuario_.id.eq(Pedido_.usuarioId))
                .groupBy(Usuario_.id, Usuario_.nombre)
                .having(func.count(Pedido_.id).ge(2L));             // HAVING count(pedidos.id) >= 2
        System.out.println("  con 2 o más pedidos: " + session.scalars(conVarios).all());
        // end::group-by[]
    }

    /** Subqueries: {@code IN (SELECT ...)} and a grouped subquery joined as a FROM entry. */
    public static void subconsultas(Session session) {
        System.out.println("=== §6 Subconsultas ===");
        // tag::subconsultas[]
        // usuarios that have pedidos: WHERE usuarios.id IN (SELECT pedidos.usuario_id FROM pedidos)
        var conPedidos = select(Usuario.class)
                .where(Usuario_.id.in(select(Pedido_.usuarioId)))
                .orderBy(Usuario_.id);
        System.out.println("  con pedidos: " + session.scalars(conPedidos).all().stream()
                .map(Usuario::getNombre).toList());

        // a grouped subquery in FROM, joined to the entity: each row is (Usuario, total)
        Alias totales = select(Pedido_.usuarioId, func.count(Pedido_.id).label("total"))
                .groupBy(Pedido_.usuarioId)
                .subquery("totales");
        var conTotal = select(Usuario.class, totales.c("total"))
                .join(totales, Usuario_.id.eq(totales.c(Pedido_.usuarioId)))
                .orderBy(Usuario_.id);
        for (OrmRow row : session.execute(conTotal)) {
            System.out.println("  " + row.get(Usuario.class).getNombre() + " tiene " + row.get(1) + " pedido(s)");
        }
        // end::subconsultas[]
    }
}
