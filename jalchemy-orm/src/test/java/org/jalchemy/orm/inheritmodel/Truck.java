package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

@Entity(table = "trucks")
@PolymorphicIdentity("truck")
public class Truck extends Vehicle {
    public Integer payload;

    protected Truck() {
    }

    public Truck(String plate, int payload) {
        super(plate);
        this.payload = payload;
    }
}
