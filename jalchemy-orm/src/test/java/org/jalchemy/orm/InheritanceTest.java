package org.jalchemy.orm;

import org.jalchemy.engine.Connection;
import org.jalchemy.orm.inheritmodel.CEmployee;
import org.jalchemy.orm.inheritmodel.CEmployee_;
import org.jalchemy.orm.inheritmodel.CEngineer;
import org.jalchemy.orm.inheritmodel.CManager;
import org.jalchemy.orm.inheritmodel.Car;
import org.jalchemy.orm.inheritmodel.Company;
import org.jalchemy.orm.inheritmodel.Company_;
import org.jalchemy.orm.inheritmodel.JEmployee;
import org.jalchemy.orm.inheritmodel.JEmployee_;
import org.jalchemy.orm.inheritmodel.JEngineer;
import org.jalchemy.orm.inheritmodel.JManager;
import org.jalchemy.orm.inheritmodel.JManager_;
import org.jalchemy.orm.inheritmodel.JSeniorEngineer;
import org.jalchemy.orm.inheritmodel.Project;
import org.jalchemy.orm.inheritmodel.Project_;
import org.jalchemy.orm.inheritmodel.StEmployee;
import org.jalchemy.orm.inheritmodel.StEmployee_;
import org.jalchemy.orm.inheritmodel.StEngineer;
import org.jalchemy.orm.inheritmodel.StManager;
import org.jalchemy.orm.inheritmodel.StManager_;
import org.jalchemy.orm.inheritmodel.Truck;
import org.jalchemy.orm.inheritmodel.Vehicle;
import org.jalchemy.sql.Sql;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.selectinload;

/**
 * Inheritance mapping on every backend: single-table, joined-table (inline and selectin subclass
 * loading) and concrete-table hierarchies — polymorphic queries, the discriminator, the shared
 * identity map, flush order over several tables, relationships to a base and to a subclass, DDL;
 * with the statements each load runs.
 */
class InheritanceTest {
    static final Registry REGISTRY = Registry.of(StEmployee.class, StManager.class, StEngineer.class,
            Company.class, JEmployee.class, JManager.class, JEngineer.class, JSeniorEngineer.class, Project.class,
            Vehicle.class, Car.class, Truck.class, CEmployee.class, CManager.class, CEngineer.class);

    static SessionFactory factory(Backend backend) {
        return SessionFactory.bind(OrmTesting.fresh(backend, REGISTRY));
    }

    // ------------------------------------------------------------------ single table

    @BackendTest
    void singleTableQueriesReturnSubclassesAndSubclassQueriesFilterByDiscriminator(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Session session = factory.open()) {
            session.addAll(List.of(new StEmployee("ann"), new StManager("bob", "boss"), new StEngineer("cy", "java")));
            session.commit();
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            // tag::query-base[]
            List<StEmployee> all = session.scalars(select(StEmployee.class).orderBy(StEmployee_.name)).all();
            // [StEmployee ann, StManager bob, StEngineer cy]: each row as the class its type names
            // end::query-base[]
            assertThat(all).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("StEmployee", "StManager", "StEngineer");
            assertThat(((StManager) all.get(1)).managerName).isEqualTo("boss");
            assertThat(((StEngineer) all.get(2)).primaryLanguage).isEqualTo("java");
            assertThat(all).extracting(e -> e.type).containsExactly("employee", "manager", "engineer");
            assertThat(sql.count()).isEqualTo(1);

            // tag::query-sub[]
            List<StManager> managers = session.scalars(select(StManager.class)
                    .where(StManager_.managerName.eq("boss"))).all(); // ... WHERE st_employees.type = 'manager'
            // end::query-sub[]
            assertThat(managers).singleElement().isSameAs(all.get(1));
            assertThat(sql.sql.get(1)).contains("st_employees.type = ");
            assertThat(session.query(StManager.class).count()).isEqualTo(1);
            assertThat(session.query(StEmployee.class).count()).isEqualTo(3);
            assertThat(session.scalars(select(StEngineer.class)).all()).extracting(e -> e.name).containsExactly("cy");
        }
    }

    @BackendTest
    void identityMapIsKeyedByTheBaseClass(Backend backend) {
        SessionFactory factory = factory(backend);
        int id;
        try (Session session = factory.open()) {
            StManager bob = new StManager("bob", "boss");
            session.add(bob);
            session.commit();
            id = bob.id;
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            // tag::identity[]
            StEmployee e = session.get(StEmployee.class, id).orElseThrow(); // a StManager
            StManager m = session.get(StManager.class, id).orElseThrow();   // no SQL: the same object
            assert e == m;
            // end::identity[]
            assertThat(e).isSameAs(m).isInstanceOf(StManager.class);
            assertThat(sql.count()).isEqualTo(1);
            assertThat(session.get(StEngineer.class, id)).isEmpty(); // the row is a manager's
            assertThat(sql.count()).isEqualTo(1);
        }
        try (Session session = factory.open()) { // a miss on the subclass: filtered by discriminator
            assertThat(session.get(StEngineer.class, id)).isEmpty();
            assertThat(session.get(StManager.class, id)).get().extracting(x -> x.managerName).isEqualTo("boss");
        }
    }

    @BackendTest
    void singleTableDdlHasEverySubclassColumnNullable(Backend backend) {
        SessionFactory factory = factory(backend);
        var table = REGISTRY.table(StManager.class);
        assertThat(table).isSameAs(REGISTRY.table(StEmployee.class));
        assertThat(table.columns()).extracting(c -> c.name())
                .containsExactly("id", "name", "type", "manager_name", "primary_language");
        try (Connection c = factory.engine().connect()) { // a plain employee row leaves subclass columns NULL
            c.execute(Sql.text("INSERT INTO st_employees (id, name, type) VALUES (7, 'x', 'employee')"));
            c.commit();
        }
        try (Session session = factory.open()) {
            assertThat(session.get(StEmployee.class, 7)).get().isExactlyInstanceOf(StEmployee.class);
        }
    }

    // ------------------------------------------------------------------ joined

    @BackendTest
    void joinedFlushWritesBaseRowThenSubclassRowAndDeletesInReverse(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            JManager bob = new JManager("bob", "boss");
            session.add(bob);
            session.flush();
            assertThat(sql.matching("INSERT")).hasSize(2);
            assertThat(sql.matching("INSERT").get(0)).startsWith("INSERT INTO j_employees");
            assertThat(sql.matching("INSERT").get(1)).startsWith("INSERT INTO j_managers");
            assertThat(bob.type).isEqualTo("manager");
            assertThat(bob.version).isEqualTo(1);
            session.commit();
            sql.clear();

            bob.managerName = "chief"; // a column of j_managers; the version lives in j_employees
            session.flush();
            assertThat(sql.matching("UPDATE")).hasSize(2);
            assertThat(sql.matching("UPDATE").get(0)).startsWith("UPDATE j_employees SET version");
            assertThat(sql.matching("UPDATE").get(1)).startsWith("UPDATE j_managers SET manager_name");
            assertThat(bob.version).isEqualTo(2);
            sql.clear();

            session.delete(bob);
            session.flush();
            assertThat(sql.matching("DELETE")).hasSize(2);
            assertThat(sql.matching("DELETE").get(0)).startsWith("DELETE FROM j_managers");
            assertThat(sql.matching("DELETE").get(1)).startsWith("DELETE FROM j_employees");
            session.commit();
        }
        try (Connection c = factory.engine().connect()) {
            assertThat(((Number) c.execute(Sql.text("SELECT count(*) FROM j_employees")).scalarOne()).longValue()).isZero();
        }
    }

    @BackendTest
    void joinedLoadsSubclassColumnsWithOneJoinAndSubclassQueriesJoin(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Session session = factory.open()) {
            session.addAll(List.of(new JEmployee("ann"), new JManager("bob", "boss"), new JEngineer("cy", "java")));
            session.commit();
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            List<JEmployee> all = session.scalars(select(JEmployee.class).orderBy(JEmployee_.id)).all();
            assertThat(all).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("JEmployee", "JManager", "JEngineer");
            assertThat(((JManager) all.get(1)).managerName).isEqualTo("boss");
            assertThat(((JEngineer) all.get(2)).primaryLanguage).isEqualTo("java");
            assertThat(sql.count()).isEqualTo(1); // polymorphicLoad = INLINE: LEFT OUTER JOINs of the subclass tables
            assertThat(sql.sql.get(0)).contains("LEFT OUTER JOIN j_managers").contains("LEFT OUTER JOIN j_engineers");

            // tag::joined-query[]
            List<JManager> bosses = session.scalars(select(JManager.class)
                    .where(JEmployee_.name.eq("bob"), JManager_.managerName.eq("boss"))).all();
            // SELECT ... FROM j_employees JOIN j_managers ON j_employees.id = j_managers.id WHERE ...
            // end::joined-query[]
            assertThat(bosses).singleElement().isSameAs(all.get(1));
            assertThat(sql.sql.get(1)).contains("FROM j_employees JOIN j_managers ON j_employees.id = j_managers.id");
            assertThat(session.query(JManager.class).count()).isEqualTo(1);
        }
    }

    @BackendTest
    void aThirdLevelSpansThreeTables(Backend backend) {
        SessionFactory factory = factory(backend);
        int id;
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            JSeniorEngineer dee = new JSeniorEngineer("dee", "rust", 3);
            session.addAll(List.of(new JEngineer("cy", "java"), dee));
            session.flush();
            assertThat(sql.matching("INSERT")).extracting(s -> s.substring(0, s.indexOf(" (")))
                    .containsExactly("INSERT INTO j_employees", "INSERT INTO j_engineers",  // cy
                            "INSERT INTO j_employees", "INSERT INTO j_engineers", "INSERT INTO j_senior_engineers"); // dee
            session.commit();
            id = dee.id;
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            List<JEngineer> engineers = session.scalars(select(JEngineer.class).orderBy(JEmployee_.name)).all();
            assertThat(engineers).extracting(e -> e.getClass().getSimpleName()).containsExactly("JEngineer", "JSeniorEngineer");
            JSeniorEngineer dee = (JSeniorEngineer) engineers.get(1);
            assertThat(dee.primaryLanguage).isEqualTo("rust");
            assertThat(dee.mentees).isEqualTo(3);
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql.get(0)).contains("FROM j_employees JOIN j_engineers")
                    .contains("LEFT OUTER JOIN j_senior_engineers");
            assertThat(session.get(JEmployee.class, id)).get().isSameAs(dee);
            dee.mentees = 4;
            dee.primaryLanguage = "zig";
            sql.clear();
            session.flush();
            assertThat(sql.matching("UPDATE")).extracting(s -> s.substring(0, s.indexOf(" SET")))
                    .containsExactly("UPDATE j_employees", "UPDATE j_engineers", "UPDATE j_senior_engineers");
            sql.clear();
            session.delete(dee);
            session.flush();
            assertThat(sql.matching("DELETE")).extracting(s -> s.substring(0, s.indexOf(" WHERE")))
                    .containsExactly("DELETE FROM j_senior_engineers", "DELETE FROM j_engineers", "DELETE FROM j_employees");
            session.commit();
        }
    }

    @BackendTest
    void selectinPolymorphicReadsEachSubclassTableWithOneMoreSelect(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Session session = factory.open()) {
            session.addAll(List.of(new Vehicle("V-1"), new Car("C-1", 5), new Car("C-2", 2), new Truck("T-1", 40)));
            session.commit();
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            List<Vehicle> all = session.scalars(select(Vehicle.class).orderBy(org.jalchemy.orm.inheritmodel.Vehicle_.id)).all();
            assertThat(all).extracting(v -> v.getClass().getSimpleName()).containsExactly("Vehicle", "Car", "Car", "Truck");
            assertThat(((Car) all.get(1)).seats).isEqualTo(5);
            assertThat(((Truck) all.get(3)).payload).isEqualTo(40);
            assertThat(sql.count()).isEqualTo(3); // vehicles, then one SELECT for cars and one for trucks
            assertThat(sql.sql.get(0)).doesNotContain("cars");
            assertThat(sql.sql.get(1)).contains("FROM vehicles JOIN cars");
            sql.clear();
            Vehicle again = session.get(Vehicle.class, all.get(3).id).orElseThrow(); // identity map: no SQL
            assertThat(again).isSameAs(all.get(3));
            assertThat(sql.count()).isZero();
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            Vehicle t = session.get(Vehicle.class, 4).orElseThrow();
            assertThat(t).isInstanceOf(Truck.class);
            assertThat(((Truck) t).payload).isEqualTo(40);
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @BackendTest
    void relationshipsToTheBaseAndToASubclass(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Session session = factory.open()) {
            Company acme = new Company("acme");
            JManager bob = new JManager("bob", "boss");
            bob.projects.add(new Project("apollo"));
            bob.projects.add(new Project("gemini"));
            acme.employees.addAll(List.of(new JEmployee("ann"), bob, new JEngineer("cy", "java")));
            session.add(acme);
            session.commit();
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            Company acme = session.scalars(select(Company.class).options(selectinload(Company_.employees))).one();
            assertThat(acme.employees).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("JEmployee", "JManager", "JEngineer");
            assertThat(sql.count()).isEqualTo(2);
            JManager bob = (JManager) acme.employees.get(1);
            assertThat(bob.company).isSameAs(acme);
            assertThat(bob.projects).extracting(p -> p.title).containsExactly("apollo", "gemini"); // lazy: one SELECT
            assertThat(sql.count()).isEqualTo(3);
            assertThat(bob.projects.get(0).lead).isSameAs(bob);
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            List<JEmployee> all = session.scalars(select(JEmployee.class)).all();
            assertThat(all).allSatisfy(e -> assertThat(e.company.name).isEqualTo("acme"));
            // one polymorphic SELECT, one IN query for the companies of all three classes (not one per class)
            assertThat(sql.count()).isEqualTo(2);
        }
        try (Session session = factory.open()) { // many-to-one to the subclass, resolved with its object
            Project p = session.scalars(select(Project.class).where(Project_.title.eq("gemini"))).one();
            assertThat(p.lead).isInstanceOf(JManager.class);
            assertThat(p.lead.managerName).isEqualTo("boss");
            assertThat(p.lead.company.name).isEqualTo("acme");
            // joins along relationships to a hierarchy, and any()
            List<Company> withBosses = session.scalars(select(Company.class)
                    .where(Company_.employees.any(JEmployee_.name.eq("bob")))).all();
            assertThat(withBosses).singleElement().extracting(c -> c.name).isEqualTo("acme");
            List<Project> ledByBob = session.scalars(select(Project.class).join(Project_.lead)
                    .where(JEmployee_.name.eq("bob")).orderBy(Project_.title)).all();
            assertThat(ledByBob).extracting(x -> x.title).containsExactly("apollo", "gemini");
        }
    }

    @BackendTest
    void refreshOfAJoinedSubclassReadsItsTables(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Session session = factory.open()) {
            JManager bob = new JManager("bob", "boss");
            session.add(bob);
            session.commit();
            try (Connection c = factory.engine().connect()) {
                c.execute(Sql.text("UPDATE j_managers SET manager_name = 'chief'"));
                c.commit();
            }
            session.refresh(bob);
            assertThat(bob.managerName).isEqualTo("chief");
            bob.managerName = "local";
            session.refresh(bob, JManager_.managerName);
            assertThat(bob.managerName).isEqualTo("chief");
        }
    }

    // ------------------------------------------------------------------ concrete

    @BackendTest
    void concreteBaseQueriesReadAUnionOfEveryTable(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Session session = factory.open()) {
            session.addAll(List.of(new CEmployee("ann"), new CManager("bob", "boss"), new CEngineer("cy", "java")));
            session.commit();
        }
        try (Session session = factory.open(); OrmTesting.Statements sql = new OrmTesting.Statements(factory.engine())) {
            List<CEmployee> all = session.scalars(select(CEmployee.class).orderBy(CEmployee_.name)).all();
            assertThat(all).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("CEmployee", "CManager", "CEngineer");
            assertThat(((CManager) all.get(1)).managerName).isEqualTo("boss");
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql.get(0)).contains("UNION ALL");
            List<CEmployee> named = session.scalars(select(CEmployee.class).where(CEmployee_.name.eq("cy"))).all();
            assertThat(named).singleElement().isSameAs(all.get(2));
            assertThat(session.scalars(select(CManager.class)).all()).singleElement().isSameAs(all.get(1));
        }
        assertThat(REGISTRY.table(CManager.class).columns()).extracting(c -> c.name())
                .containsExactly("id", "name", "manager_name");
    }

    @BackendTest
    void theMetamodelOfASubclassHasTheInheritedAttributes(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Session session = factory.open()) {
            session.addAll(List.of(new StManager("bob", "boss"), new StManager("ben", "chief")));
            session.commit();
            // tag::metamodel[]
            StManager ben = session.scalars(select(StManager.class).where(StManager_.name.eq("ben"))).one();
            // end::metamodel[]
            assertThat(ben.managerName).isEqualTo("chief");
            assertThat(StManager_.name.entity()).isEqualTo(StManager.class);
            assertThat(StManager_.name.toString()).isEqualTo("st_employees.name");
            assertThat(JManager_.name.toString()).isEqualTo("j_employees.name");
            assertThat(JManager_.managerName.toString()).isEqualTo("j_managers.manager_name");
        }
    }

    @BackendTest
    void aRowWithAnUnknownIdentityRaisesNamingIt(Backend backend) {
        SessionFactory factory = factory(backend);
        try (Connection c = factory.engine().connect()) {
            c.execute(Sql.text("INSERT INTO st_employees (id, name, type) VALUES (9, 'x', 'intern')"));
            c.commit();
        }
        try (Session session = factory.open()) {
            assertThatThrownBy(() -> session.scalars(select(StEmployee.class)).all())
                    .isInstanceOf(org.jalchemy.exc.InvalidRequestError.class)
                    .hasMessageContaining("polymorphic identity 'intern'")
                    .hasMessageContaining("[employee, manager, engineer]");
        }
    }
}
