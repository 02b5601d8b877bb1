package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

@Entity
@PolymorphicIdentity("engineer")
public class StEngineer extends StEmployee {
    @Column(length = 30)
    public String primaryLanguage;

    protected StEngineer() {
    }

    public StEngineer(String name, String primaryLanguage) {
        super(name);
        this.primaryLanguage = primaryLanguage;
    }
}
