package org.jalchemy.examples.guide.herencia;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

/** A manager: the {@code managers} row beside the {@code employees} row. */
// tag::manager[]
@Entity(table = "managers")
@PolymorphicIdentity("manager")
public class Manager extends Employee {
    @Column(length = 50)
    public String managerName;
// end::manager[]

    protected Manager() {
    }

    public Manager(String name, String managerName) {
        super(name);
        this.managerName = managerName;
    }

    @Override
    public String toString() {
        return "Manager(" + name + ", " + managerName + ")";
    }
}
