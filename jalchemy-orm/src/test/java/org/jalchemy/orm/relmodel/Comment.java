package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** A third level under posts, for nested loader paths. */
@Entity(table = "rel_comments")
public class Comment {
    @Id
    public Integer id;
    @Column(length = 200)
    public String body;
    @ForeignKey(value = "rel_posts.id", onDelete = "CASCADE")
    public Integer postId;

    @Relationship(backPopulates = "comments")
    public Post post;

    protected Comment() {
    }

    public Comment(String body) {
        this.body = body;
    }
}
