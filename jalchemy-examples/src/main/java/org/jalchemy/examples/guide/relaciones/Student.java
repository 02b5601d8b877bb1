package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Guide §7.2: students and courses through the association table {@code student_course}. */
// tag::student[]
@Entity(table = "students")
public class Student {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(secondary = "student_course", backPopulates = "students")  // secondary=student_course
    public List<Course> courses = new ArrayList<>();

    protected Student() {
    }

    public Student(String name) {
        this.name = name;
    }
}
// end::student[]
