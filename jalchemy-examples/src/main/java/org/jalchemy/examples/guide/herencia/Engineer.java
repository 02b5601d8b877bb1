package org.jalchemy.examples.guide.herencia;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

/** An engineer: the {@code engineers} row beside the {@code employees} row. */
@Entity(table = "engineers")
@PolymorphicIdentity("engineer")
public class Engineer extends Employee {
    @Column(length = 30)
    public String engineerInfo;

    protected Engineer() {
    }

    public Engineer(String name, String engineerInfo) {
        super(name);
        this.engineerInfo = engineerInfo;
    }

    @Override
    public String toString() {
        return "Engineer(" + name + ", " + engineerInfo + ")";
    }
}
