package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** Guide §7.3: {@code passport = relationship("Passport", uselist=False, back_populates="owner")}. */
// tag::person[]
@Entity(table = "people")
public class Person {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "owner")   // a single reference; Passport holds the key: one-to-one
    public Passport passport;

    protected Person() {
    }

    public Person(String name) {
        this.name = name;
    }
}
// end::person[]
