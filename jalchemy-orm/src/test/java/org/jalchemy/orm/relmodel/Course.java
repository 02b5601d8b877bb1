package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.LinkedHashSet;
import java.util.Set;

/** Guide §7.2: the other side of student_course, as a Set. */
@Entity(table = "courses")
public class Course {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(secondary = "student_course", secondaryColumns = {"course_id", "student_id"},
            backPopulates = "courses")
    public Set<Student> students = new LinkedHashSet<>();

    protected Course() {
    }

    public Course(String name) {
        this.name = name;
    }
}
