package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Guide §7.2: {@code courses = relationship("Course", secondary=student_course, back_populates="students")}. */
// tag::many-to-many[]
@Entity(table = "students")
public class Student {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(secondary = "student_course", secondaryColumns = {"student_id", "course_id"},
            backPopulates = "students")
    public List<Course> courses = new ArrayList<>();

    protected Student() {
    }

    public Student(String name) {
        this.name = name;
    }
}
// end::many-to-many[]
