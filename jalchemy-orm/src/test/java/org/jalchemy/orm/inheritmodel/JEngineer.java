package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

@Entity(table = "j_engineers")
@PolymorphicIdentity("engineer")
public class JEngineer extends JEmployee {
    @Column(length = 30)
    public String primaryLanguage;

    protected JEngineer() {
    }

    public JEngineer(String name, String primaryLanguage) {
        super(name);
        this.primaryLanguage = primaryLanguage;
    }
}
