package org.jalchemy.metrics.model;

import org.jalchemy.orm.Ref;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** A book of an {@link Author}. */
@Entity(table = "mt_books")
public class Book {
    @Id
    public Integer id;
    @Column(nullable = false, length = 50)
    public String title;
    @ForeignKey("mt_authors.id")
    @Column(nullable = false)
    public Integer authorId;
    @Relationship(backPopulates = "books")
    public Ref<Author> author = Ref.empty();

    protected Book() {
    }

    public Book(Integer id, String title) {
        this.id = id;
        this.title = title;
    }
}
