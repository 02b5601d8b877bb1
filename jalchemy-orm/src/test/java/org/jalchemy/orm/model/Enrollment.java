package org.jalchemy.orm.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** Composite primary key. */
@Entity(table = "orm_enrollments")
public class Enrollment {
    @Id
    public int studentId;
    @Id
    @Column(length = 20)
    public String course;
    public Integer grade;

    Enrollment() {
    }

    public Enrollment(int studentId, String course, Integer grade) {
        this.studentId = studentId;
        this.course = course;
        this.grade = grade;
    }
}
