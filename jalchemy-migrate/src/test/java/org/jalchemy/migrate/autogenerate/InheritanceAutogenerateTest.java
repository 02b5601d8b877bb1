package org.jalchemy.migrate.autogenerate;

import org.jalchemy.engine.Engine;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Inheritance;
import org.jalchemy.orm.annotations.PolymorphicIdentity;
import org.jalchemy.schema.MetaData;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.autogenerate.AutogenTesting.compare;
import static org.jalchemy.migrate.autogenerate.AutogenTesting.described;

/** Autogenerate sees the tables of inheritance hierarchies as the tables they are: nothing to do after createAll. */
class InheritanceAutogenerateTest {
    static final String P = "agi_";

    @Entity(table = "agi_people")
    @Inheritance(strategy = Inheritance.Strategy.SINGLE_TABLE, polymorphicOn = "type")
    @PolymorphicIdentity("person")
    static class Person {
        @Id
        Integer id;
        @Column(length = 20)
        String type;
    }

    @Entity
    @PolymorphicIdentity("student")
    static class Student extends Person {
        @Column(length = 30)
        String school;
    }

    @Entity(table = "agi_employees")
    @Inheritance(strategy = Inheritance.Strategy.JOINED, polymorphicOn = "type")
    @PolymorphicIdentity("employee")
    static class Employee {
        @Id
        Integer id;
        @Column(length = 20)
        String type;
    }

    @Entity(table = "agi_managers")
    @PolymorphicIdentity("manager")
    static class Manager extends Employee {
        @Column(length = 30)
        String managerName;
    }

    @BackendTest
    void inheritanceTablesCompareEqualToTheSchemaTheyCreated(Backend backend) {
        Engine e = backend.engine();
        AutogenTesting.dropPrefixed(e, P);
        MetaData md = Registry.of(Person.class, Student.class, Employee.class, Manager.class).metadata();
        md.createAll(e);
        assertThat(described(compare(e, md, AutogenTesting.only(P)))).as("diff of a freshly created schema").isEmpty();
        try (var c = e.connect()) {
            c.execDriverSql("DROP TABLE agi_managers");
            c.commit();
        }
        assertThat(described(compare(e, md, AutogenTesting.only(P)))).containsExactly("create table agi_managers");
        AutogenTesting.dropPrefixed(e, P);
    }
}
