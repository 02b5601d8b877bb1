package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;

/** The other side of {@link Blogger#entries}' backref: the field exists (Java cannot add it) but needs no annotation. */
// tag::backref-target[]
@Entity(table = "entries")
public class Entry {
    @Id
    public Integer id;
    @Column(length = 100)
    public String title;
    @ForeignKey("bloggers.id")
    public Integer bloggerId;

    public Blogger author; // declared by Blogger.entries' backref

    protected Entry() {
    }

    public Entry(String title) {
        this.title = title;
    }
}
// end::backref-target[]
