package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/**
 * Guide §7.4 {@code backref}: the guide's second {@code User}/{@code Post} pair, renamed (and on
 * tables {@code blog_users}/{@code blog_posts}) so both versions live in one registry.
 */
// tag::backref[]
@Entity(table = "blog_users")
public class Blogger {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(backref = "author")          // posts = relationship("Post", backref="author")
    public List<BlogPost> posts = new ArrayList<>();

    protected Blogger() {
    }

    public Blogger(String name) {
        this.name = name;
    }
}
// end::backref[]
