package org.jalchemy.orm.loadmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

@Entity(table = "novels")
public class Novel {
    @Id
    public Integer id;
    @Column(length = 50)
    public String title;
    @ForeignKey("writers.id")
    public Integer writerId;
    @Relationship(backPopulates = "novels")
    public Writer writer;

    protected Novel() {
    }

    public Novel(String title) {
        this.title = title;
    }
}
