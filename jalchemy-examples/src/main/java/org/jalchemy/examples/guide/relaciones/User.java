package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Guide §7.1: {@code class User(Base)} with {@code posts = relationship("Post", back_populates="author")}. */
// tag::user[]
@Entity(table = "users")
public class User {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "author", orderBy = "title")   // relationship("Post", back_populates="author")
    public List<Post> posts = new ArrayList<>();

    protected User() {
    }

    public User(String name) {
        this.name = name;
    }
}
// end::user[]
