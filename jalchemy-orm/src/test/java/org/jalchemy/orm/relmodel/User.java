package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Cascade;

import java.util.ArrayList;
import java.util.List;

/** Guide §7.1: {@code posts = relationship("Post", back_populates="author")}, with cascade all, delete-orphan. */
// tag::one-to-many[]
@Entity(table = "rel_users")
public class User {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "author", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "title")
    public List<Post> posts = new ArrayList<>();

    protected User() {
    }

    public User(String name) {
        this.name = name;
    }
}
// end::one-to-many[]
