package org.jalchemy.orm.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;

/** Guide §4: {@code class Post(Base)} with {@code user_id = Column(Integer, ForeignKey('users.id'), nullable=False)}. */
@Entity(table = "posts")
public class Post {
    @Id
    public Integer id;
    @Column(nullable = false, length = 200)
    public String title;
    @Column(length = 2000)
    public String content;
    @ForeignKey("users.id")
    @Column(nullable = false)
    public Integer userId;

    Post() {
    }

    public Post(String title, String content, Integer userId) {
        this.title = title;
        this.content = content;
        this.userId = userId;
    }
}
