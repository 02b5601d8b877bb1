package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;

// tag::single-table-sub[]
@Entity // no table of its own: its columns are added to st_employees
@PolymorphicIdentity("manager")
public class StManager extends StEmployee {
    @Column(length = 50)
    public String managerName;
// end::single-table-sub[]

    protected StManager() {
    }

    public StManager(String name, String managerName) {
        super(name);
        this.managerName = managerName;
    }
}
