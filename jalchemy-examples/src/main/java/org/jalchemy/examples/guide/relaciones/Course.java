package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Guide §7.2: the other side of {@code student_course}. */
// tag::course[]
@Entity(table = "courses")
public class Course {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(secondary = "student_course", backPopulates = "courses")
    public List<Student> students = new ArrayList<>();

    protected Course() {
    }

    public Course(String name) {
        this.name = name;
    }
}
// end::course[]
