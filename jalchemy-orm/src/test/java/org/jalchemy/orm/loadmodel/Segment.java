package org.jalchemy.orm.loadmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Embedded;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** Embedded records: two points, four columns. */
// tag::embedded[]
@Entity(table = "segments")
public class Segment {
    public record Point(Integer x, Integer y) {
    }

    @Id
    public Integer id;
    @Column(length = 20)
    public String label;
    @Embedded
    public Point start;                  // columns start_x, start_y
    @Embedded(prefix = "stop")
    public Point end;                    // columns stop_x, stop_y
    // end::embedded[]

    protected Segment() {
    }

    public Segment(String label, Point start, Point end) {
        this.label = label;
        this.start = start;
        this.end = end;
    }
}
