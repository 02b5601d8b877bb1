package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Inheritance;

/** Concrete-table inheritance: each class has a complete table; a query on the base reads a UNION ALL. */
// tag::concrete[]
@Entity(table = "c_employees")
@Inheritance(strategy = Inheritance.Strategy.CONCRETE)
public class CEmployee {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;
// end::concrete[]

    protected CEmployee() {
    }

    public CEmployee(String name) {
        this.name = name;
    }
}
