package org.jalchemy.orm.inheritmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Has a collection of the joined hierarchy's base class: its loads return managers and engineers too. */
@Entity(table = "inh_companies")
public class Company {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;
    @Relationship(backPopulates = "company", orderBy = "id")
    public List<JEmployee> employees = new ArrayList<>();

    protected Company() {
    }

    public Company(String name) {
        this.name = name;
    }
}
