package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Inheritance;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

/** Single-table inheritance: employees, managers and engineers in one table told apart by {@code type}. */
// tag::single-table[]
@Entity(table = "st_employees")
@Inheritance(strategy = Inheritance.Strategy.SINGLE_TABLE, polymorphicOn = "type")
@PolymorphicIdentity("employee")
public class StEmployee {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;
    @Column(length = 20)
    public String type; // set by the session on INSERT

    protected StEmployee() {
    }

    public StEmployee(String name) {
        this.name = name;
    }
}
// end::single-table[]
