package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Guide §4 "Tipos de relaciones", many-to-many: {@code author_books}. */
// tag::author[]
@Entity(table = "authors")
public class Author {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(secondary = "author_books", backPopulates = "authors")  // columns author_id, book_id
    public List<Book> books = new ArrayList<>();

    protected Author() {
    }

    public Author(String name) {
        this.name = name;
    }
}
// end::author[]
