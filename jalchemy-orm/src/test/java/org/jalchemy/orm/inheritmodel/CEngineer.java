package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;

@Entity(table = "c_engineers")
public class CEngineer extends CEmployee {
    @Column(length = 30)
    public String primaryLanguage;

    protected CEngineer() {
    }

    public CEngineer(String name, String primaryLanguage) {
        super(name);
        this.primaryLanguage = primaryLanguage;
    }
}
