package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** Guide §7.3: {@code person_id = Column(Integer, ForeignKey('people.id'), unique=True)}. */
// tag::passport[]
@Entity(table = "passports")
public class Passport {
    @Id
    public Integer id;
    @Column(length = 20, unique = true)
    public String number;
    @ForeignKey("people.id")
    @Column(unique = true)                    // unique=True: at most one passport per person
    public Integer personId;

    @Relationship(backPopulates = "passport")
    public Person owner;

    protected Passport() {
    }

    public Passport(String number) {
        this.number = number;
    }
}
// end::passport[]
