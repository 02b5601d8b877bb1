package org.jalchemy.orm.loadmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.types.TextType;

/** An entity with a large deferred column, for column loading, locking and refresh tests. */
// tag::deferred-column[]
@Entity(table = "articles")
public class Article {
    @Id
    public Integer id;
    @Column(length = 100)
    public String title;
    @Column(length = 200)
    public String summary;
    @Column(type = TextType.class, deferred = true) // not selected unless asked for
    public String body;
    public Integer views;

    protected Article() {
    }

    public Article(String title, String summary, String body) {
        this.title = title;
        this.summary = summary;
        this.body = body;
        this.views = 0;
    }
}
// end::deferred-column[]
