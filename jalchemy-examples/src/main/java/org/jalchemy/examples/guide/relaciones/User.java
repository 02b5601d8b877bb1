package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.Ref;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Lazy;

import java.util.ArrayList;
import java.util.List;

/**
 * Guide §7.1: {@code class User(Base)} with {@code posts = relationship("Post", back_populates="author")},
 * and §11.1's {@code profile = relationship("Profile", lazy="select")}. A plain single reference is
 * loaded with its object (Java cannot intercept the field read), so the lazy one-to-one is a
 * {@link Ref}: {@code user.profile.get()} loads it on first call.
 */
// tag::user[]
@Entity(table = "users")
public class User {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "author", orderBy = "title")   // relationship("Post", back_populates="author")
    public List<Post> posts = new ArrayList<>();

    @Relationship(lazy = Lazy.SELECT)                            // profile = relationship("Profile", lazy="select")
    public Ref<Profile> profile = Ref.empty();                   // loads on profile.get(), not with the user

    protected User() {
    }

    public User(String name) {
        this.name = name;
    }
}
// end::user[]
