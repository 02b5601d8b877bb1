package org.jalchemy.examples.guide.herencia;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Inheritance;
import org.jalchemy.orm.annotations.PolymorphicIdentity;
import org.jalchemy.orm.annotations.Relationship;

/**
 * The base of SQLAlchemy's employee/manager/engineer example, mapped with joined-table
 * inheritance: {@code employees} holds every employee's common columns and the discriminator
 * {@code type}; {@code managers} and {@code engineers} hold their own columns, keyed by the
 * employee's id.
 */
// tag::employee[]
@Entity(table = "employees")
@Inheritance(strategy = Inheritance.Strategy.JOINED, polymorphicOn = "type")
@PolymorphicIdentity("employee")
public class Employee {
    @Id
    public Integer id;
    @Column(length = 50, nullable = false)
    public String name;
    @Column(length = 20)
    public String type;                   // "employee", "manager" or "engineer": set on INSERT
    @ForeignKey("companies.id")
    public Integer companyId;
    @Relationship(backPopulates = "employees")
    public Company company;
// end::employee[]

    protected Employee() {
    }

    public Employee(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
