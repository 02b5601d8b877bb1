package org.jalchemy.asyncio.model;

import org.jalchemy.orm.Ref;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** An article; its writer is a lazy {@link Ref} (loads on {@code writer.get()}). */
@Entity(table = "as_articles")
public class Article {
    @Id
    @Column(autoincrement = Column.Autoincrement.TRUE)
    public Integer id;
    @Column(nullable = false, length = 100)
    public String title;
    @ForeignKey("as_writers.id")
    @Column(nullable = false)
    public Integer writerId;

    @Relationship(backPopulates = "articles")
    public Ref<Writer> writer = Ref.empty();

    protected Article() {
    }

    public Article(String title) {
        this.title = title;
    }
}
