package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Inheritance;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

/** A joined hierarchy whose subclass tables are read by a second SELECT per subclass (selectin polymorphic). */
// tag::selectin[]
@Entity(table = "vehicles")
@Inheritance(strategy = Inheritance.Strategy.JOINED, polymorphicOn = "kind",
        polymorphicLoad = Inheritance.PolymorphicLoad.SELECTIN)
@PolymorphicIdentity("vehicle")
public class Vehicle {
// end::selectin[]
    @Id
    public Integer id;
    @Column(length = 30)
    public String plate;
    @Column(length = 10)
    public String kind;

    protected Vehicle() {
    }

    public Vehicle(String plate) {
        this.plate = plate;
    }
}
