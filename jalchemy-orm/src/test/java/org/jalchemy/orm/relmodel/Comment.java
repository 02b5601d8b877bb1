package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.Ref;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** A third level under posts, for nested loader paths; its {@code post} is a lazy {@link Ref}. */
// tag::ref[]
@Entity(table = "rel_comments")
public class Comment {
    @Id
    public Integer id;
    @Column(length = 200)
    public String body;
    @ForeignKey(value = "rel_posts.id", onDelete = "CASCADE")
    public Integer postId;

    @Relationship(backPopulates = "comments")
    public Ref<Post> post = Ref.empty(); // loads on post.get(), unlike a plain reference

    protected Comment() {
    }

    public Comment(String body) {
        this.body = body;
    }
}
// end::ref[]
