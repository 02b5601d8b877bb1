package org.jalchemy.asyncio.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** A writer and her articles: a lazy one-to-many collection (the MissingGreenlet case of SQLAlchemy's asyncio). */
@Entity(table = "as_writers")
public class Writer {
    @Id
    @Column(autoincrement = Column.Autoincrement.TRUE)
    public Integer id;
    @Column(nullable = false, unique = true, length = 50)
    public String name;
    @Column(length = 100)
    public String email;
    public int visits;

    @Relationship(backPopulates = "writer", orderBy = "id")
    public List<Article> articles = new ArrayList<>();

    protected Writer() {
    }

    public Writer(String name, String email) {
        this.name = name;
        this.email = email;
    }

    @Override
    public String toString() {
        return "Writer(" + id + ", " + name + ")";
    }
}
