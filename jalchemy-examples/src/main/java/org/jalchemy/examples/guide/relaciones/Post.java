package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** Guide §7.1: {@code class Post(Base)} with {@code user_id = ForeignKey('users.id')} and {@code author}. */
// tag::post[]
@Entity(table = "posts")
public class Post {
    @Id
    public Integer id;
    @Column(length = 200)
    public String title;
    @ForeignKey("users.id")                                        // user_id = Column(Integer, ForeignKey('users.id'))
    public Integer userId;

    @Relationship(backPopulates = "posts")                         // author = relationship("User", back_populates="posts")
    public User author;

    protected Post() {
    }

    public Post(String title) {
        this.title = title;
    }
}
// end::post[]
