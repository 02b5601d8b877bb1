package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

@Entity(table = "cars")
@PolymorphicIdentity("car")
public class Car extends Vehicle {
    public Integer seats;

    protected Car() {
    }

    public Car(String plate, int seats) {
        super(plate);
        this.seats = seats;
    }
}
