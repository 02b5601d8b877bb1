package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.PolymorphicIdentity;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

// tag::joined-sub[]
@Entity(table = "j_managers") // id (a foreign key to j_employees.id) and manager_name
@PolymorphicIdentity("manager")
public class JManager extends JEmployee {
    @Column(length = 50)
    public String managerName;
    @Relationship(backPopulates = "lead", orderBy = "title")
    public List<Project> projects = new ArrayList<>(); // a relationship of the subclass only
// end::joined-sub[]

    protected JManager() {
    }

    public JManager(String name, String managerName) {
        super(name);
        this.managerName = managerName;
    }
}
