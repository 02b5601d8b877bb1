package org.jalchemy.examples.guide.relaciones;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Guide §4, the books side of {@code author_books}. */
@Entity(table = "books")
public class Book {
    @Id
    public Integer id;
    @Column(length = 100)
    public String title;

    @Relationship(secondary = "author_books", backPopulates = "books")
    public List<Author> authors = new ArrayList<>();

    protected Book() {
    }

    public Book(String title) {
        this.title = title;
    }
}
