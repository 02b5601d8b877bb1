package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Guide §7.4: {@code posts = relationship("Post", backref="author")} — one declaration, both sides. */
// tag::backref[]
@Entity(table = "bloggers")
public class Blogger {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(backref = "author")
    public List<Entry> entries = new ArrayList<>();

    protected Blogger() {
    }

    public Blogger(String name) {
        this.name = name;
    }
}
// end::backref[]
