package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;

/** Guide §7.4: the post side of the backref; Java cannot add the field, so it is declared, unannotated. */
// tag::backref-post[]
@Entity(table = "blog_posts")
public class BlogPost {
    @Id
    public Integer id;
    @Column(length = 100)
    public String title;
    @ForeignKey("blog_users.id")
    public Integer userId;

    public Blogger author;                      // filled in by Blogger.posts' backref

    protected BlogPost() {
    }

    public BlogPost(String title) {
        this.title = title;
    }
}
// end::backref-post[]
