package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.modelos.Pedido;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.examples.guide.modelos.User_;
import org.jalchemy.examples.guide.modelos.Usuario;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.schema.CreateTable;
import org.jalchemy.schema.Table;

import static org.jalchemy.orm.Orm.select;

/**
 * Guide chapter 4 (models and tables) with the ORM: the declarative models {@link User},
 * {@link Usuario} and {@link Pedido} in a {@link Registry}, {@code createAll}, the DDL a model
 * produces, and the typed metamodel ({@code User_}) that plays the part of the guide's type
 * hints. {@link #run} drops the three tables first so it can be rerun; {@link #recrear} gives the
 * later ORM chapters fresh, empty tables (generated keys start at 1 again on every backend).
 * Relationship attributes ({@code relationship(...)}) arrive with issue 6.
 */
public final class Capitulo04Modelos {
    /** The guide's models, registered once (SQLAlchemy's declarative {@code Base}); immutable. */
    public static final Registry REGISTRY = Registry.of(User.class, Usuario.class, Pedido.class);

    private Capitulo04Modelos() {
    }

    /** Runs this chapter alone: {@code ./dev mvn -q exec:java -pl jalchemy-examples -Dexec.mainClass=...} [URL]. */
    public static void main(String[] args) {
        Capitulos.main(args, Capitulo04Modelos::run);
    }

    public static void run(Engine engine) {
        REGISTRY.metadata().dropAll(engine);

        System.out.println("=== §4 Modelos: Registry.of(...).metadata().createAll(engine) ===");
        // tag::create-all[]
        Registry registry = Registry.of(User.class, Usuario.class, Pedido.class);  // class Base(DeclarativeBase)
        registry.metadata().createAll(engine);    // Base.metadata.create_all(engine): users, usuarios, pedidos
        // end::create-all[]
        System.out.println("  tablas creadas: " + registry.metadata().sortedTables().stream().map(Table::name).toList());

        System.out.println("=== §4 Tipos de columnas: la DDL que sale del modelo User ===");
        // tag::ddl[]
        Table users = registry.table(User.class);                  // the Core table the model maps to
        System.out.println(new CreateTable(users).compile(engine.dialect()).sql());
        // end::ddl[]

        System.out.println("=== §4 Anotaciones de tipo: el metamodelo User_ ===");
        // tag::metamodel[]
        SessionFactory fabrica = SessionFactory.bind(engine);
        try (Session session = fabrica.open()) {
            session.add(new User("ana", "ana@example.com"));
            session.commit();
            Attribute<User, String> username = User_.username;    // generated, typed like the field
            User ana = session.scalars(select(User.class).where(username.eq("ana"))).one();
            // User_.username.eq(42) does not compile: username is a String column
            System.out.println("  " + ana);                       // toString(), the guide's __repr__
        }
        // end::metamodel[]
    }

    /**
     * Drops and creates the models' tables: every later ORM chapter starts from empty tables. Quietly
     * (echo off meanwhile): {@link #run} has shown that SQL once already.
     */
    public static void recrear(Engine engine) {
        boolean echo = engine.echo();
        engine.echo(false);
        try {
            REGISTRY.metadata().dropAll(engine);
            REGISTRY.metadata().createAll(engine);
        } finally {
            engine.echo(echo);
        }
        System.out.println("  (tablas users, usuarios, pedidos recreadas vacías)");
    }

    /** Drops the models' tables if they exist. */
    public static void borrar(Engine engine) {
        REGISTRY.metadata().dropAll(engine);
    }
}
