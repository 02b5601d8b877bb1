package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Inheritance;
import org.jalchemy.orm.annotations.PolymorphicIdentity;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Version;

/** Joined-table inheritance: each class's own columns in its own table, joined on the primary key. */
// tag::joined[]
@Entity(table = "j_employees")
@Inheritance(strategy = Inheritance.Strategy.JOINED, polymorphicOn = "type")
@PolymorphicIdentity("employee")
public class JEmployee {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;
    @Column(length = 20)
    public String type;
    @ForeignKey("inh_companies.id")
    public Integer companyId;
    @Relationship(backPopulates = "employees")
    public Company company;
// end::joined[]
    @Version
    public Integer version;

    protected JEmployee() {
    }

    public JEmployee(String name) {
        this.name = name;
    }
}
