package org.jalchemy.examples.guide.herencia;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** A company and its employees: a relationship to the base class, whose loads return managers and engineers. */
@Entity(table = "companies")
public class Company {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;
    @Relationship(backPopulates = "company", orderBy = "name")
    public List<Employee> employees = new ArrayList<>();

    protected Company() {
    }

    public Company(String name) {
        this.name = name;
    }
}
