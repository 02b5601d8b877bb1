package org.jalchemy.metrics.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** An author and her books: a lazy one-to-many, for the ORM meters. */
@Entity(table = "mt_authors")
public class Author {
    @Id
    public Integer id;
    @Column(nullable = false, length = 50)
    public String name;
    @Relationship(backPopulates = "author", orderBy = "id")
    public List<Book> books = new ArrayList<>();

    protected Author() {
    }

    public Author(Integer id, String name) {
        this.id = id;
        this.name = name;
    }
}
