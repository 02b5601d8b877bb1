package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;

@Entity(table = "c_managers") // id, name and manager_name
public class CManager extends CEmployee {
    @Column(length = 50)
    public String managerName;

    protected CManager() {
    }

    public CManager(String name, String managerName) {
        super(name);
        this.managerName = managerName;
    }
}
