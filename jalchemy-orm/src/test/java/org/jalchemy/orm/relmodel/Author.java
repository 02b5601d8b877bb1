package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Lazy;

import java.util.ArrayList;
import java.util.List;

/** Guide §4 many-to-many: authors and books through author_books (default column names author_id, book_id); books load selectin by default. */
@Entity(table = "authors")
public class Author {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(secondary = "author_books", backPopulates = "authors", orderBy = "title", lazy = Lazy.SELECTIN)
    public List<Book> books = new ArrayList<>();

    protected Author() {
    }

    public Author(String name) {
        this.name = name;
    }
}
