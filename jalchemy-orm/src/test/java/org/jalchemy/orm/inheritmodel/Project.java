package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** A many-to-one to a subclass of the joined hierarchy: the foreign key references the subclass's table. */
@Entity(table = "inh_projects")
public class Project {
    @Id
    public Integer id;
    @Column(length = 50)
    public String title;
    @ForeignKey("j_managers.id")
    public Integer leadId;
    @Relationship(backPopulates = "projects")
    public JManager lead;

    protected Project() {
    }

    public Project(String title) {
        this.title = title;
    }
}
