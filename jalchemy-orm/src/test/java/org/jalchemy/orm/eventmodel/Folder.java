package org.jalchemy.orm.eventmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Holds documents, for loader criteria on relationship loads. */
@Entity(table = "ev_folders")
public class Folder {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "folder", orderBy = "title")
    public List<Document> documents = new ArrayList<>();

    protected Folder() {
    }

    public Folder(String name) {
        this.name = name;
    }
}
