package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Cascade;

import java.util.ArrayList;
import java.util.List;

/** Guide §7.1: the many side, {@code user_id = ForeignKey('users.id')} and {@code author = relationship(...)}. */
// tag::many-to-one[]
@Entity(table = "rel_posts")
public class Post {
    @Id
    public Integer id;
    @Column(length = 200)
    public String title;
    @ForeignKey("rel_users.id")
    public Integer userId;

    @Relationship(backPopulates = "posts")
    public User author;

    @Relationship(backPopulates = "post", orderBy = "id", cascade = Cascade.ALL, passiveDeletes = true)
    public List<Comment> comments = new ArrayList<>();

    protected Post() {
    }

    public Post(String title) {
        this.title = title;
    }
}
// end::many-to-one[]
