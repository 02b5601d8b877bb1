package org.jalchemy.examples.guide;

import org.jalchemy.engine.Engine;
import org.jalchemy.examples.guide.herencia.Company;
import org.jalchemy.examples.guide.herencia.Company_;
import org.jalchemy.examples.guide.herencia.Employee;
import org.jalchemy.examples.guide.herencia.Employee_;
import org.jalchemy.examples.guide.herencia.Engineer;
import org.jalchemy.examples.guide.herencia.Manager;
import org.jalchemy.examples.guide.herencia.Manager_;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;

import java.util.List;

import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.selectinload;

/**
 * Inheritance mapping with SQLAlchemy's own example — a company's employees, some of them
 * managers or engineers — in joined-table inheritance ({@link org.jalchemy.examples.guide.herencia}):
 * adding objects of each class writes each one's rows, a query on {@code Employee} returns each
 * row as its class in one statement, {@code select(Manager.class)} returns managers only, the
 * identity map is shared by the hierarchy, and a relationship to the base class loads a mixed
 * collection. {@link #run} recreates the tables, prints each step and drops them.
 */
public final class Herencia {
    public static final Registry REGISTRY = Registry.of(Company.class, Employee.class, Manager.class, Engineer.class);

    private Herencia() {
    }

    /** Runs the example alone on {@code mi_base_de_datos.db}, or on the URL given. */
    public static void main(String[] args) {
        Capitulos.main(args, Herencia::run);
    }

    public static void run(Engine engine) {
        REGISTRY.metadata().dropAll(engine);
        REGISTRY.metadata().createAll(engine); // employees, managers and engineers (keyed by employees.id), companies
        SessionFactory fabrica = SessionFactory.bind(engine);
        int id = poblar(fabrica);
        consultas(fabrica, engine, id);
        REGISTRY.metadata().dropAll(engine);
    }

    /** Adds a company with an employee, a manager and an engineer; returns the manager's id. */
    static int poblar(SessionFactory fabrica) {
        // tag::add[]
        try (Session session = fabrica.open()) {
            Company acme = new Company("Acme");
            Manager bea = new Manager("Bea", "Jefa de ventas");
            acme.employees.addAll(List.of(new Employee("Ana"), bea, new Engineer("Carlos", "Java")));
            session.add(acme);
            session.commit(); // INSERT INTO employees ..., then INSERT INTO managers / engineers with the new ids
            return bea.id;
        }
        // end::add[]
    }

    static void consultas(SessionFactory fabrica, Engine engine, int beaId) {
        try (Session session = fabrica.open(); var sql = new Capitulo07Relaciones.Sentencias(engine)) {
            // tag::query[]
            List<Employee> todos = session.scalars(select(Employee.class).orderBy(Employee_.name)).all();
            // one SELECT: employees LEFT OUTER JOIN managers LEFT OUTER JOIN engineers; each row as its class
            // end::query[]
            System.out.println("  select(Employee.class): " + todos + " (" + sql.count()
                    + " sentencias: los empleados, con las columnas de cada subclase, y su compañía)");
            // tag::query-sub[]
            List<Manager> jefes = session.scalars(select(Manager.class)        // employees JOIN managers
                    .where(Manager_.managerName.like("Jefa%"))).all();
            // end::query-sub[]
            System.out.println("  select(Manager.class): " + jefes);
            // tag::identity[]
            Employee comoEmpleado = session.get(Employee.class, beaId).orElseThrow();
            Manager comoManager = session.get(Manager.class, beaId).orElseThrow(); // no SQL: same identity map
            // end::identity[]
            System.out.println("  get(Employee.class, id) == get(Manager.class, id): " + (comoEmpleado == comoManager));
        }
        try (Session session = fabrica.open(); var sql = new Capitulo07Relaciones.Sentencias(engine)) {
            // tag::relationship[]
            Company acme = session.scalars(select(Company.class).options(selectinload(Company_.employees))).one();
            // end::relationship[]
            System.out.println("  Acme.employees: " + acme.employees + " (" + sql.count() + " sentencias)");
        }
    }
}
