package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

/** A third level of the joined hierarchy: its rows span j_employees, j_engineers and j_senior_engineers. */
@Entity(table = "j_senior_engineers")
@PolymorphicIdentity("senior")
public class JSeniorEngineer extends JEngineer {
    public Integer mentees;

    protected JSeniorEngineer() {
    }

    public JSeniorEngineer(String name, String primaryLanguage, int mentees) {
        super(name, primaryLanguage);
        this.mentees = mentees;
    }
}
