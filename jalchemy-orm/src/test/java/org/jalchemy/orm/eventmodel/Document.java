package org.jalchemy.orm.eventmodel;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.annotations.AfterInsert;
import org.jalchemy.orm.annotations.BeforeInsert;
import org.jalchemy.orm.annotations.BeforeUpdate;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Transient;
import org.jalchemy.orm.annotations.Validates;

import java.util.ArrayList;
import java.util.List;

/** Lifecycle methods, a validator and a soft-delete flag. */
// tag::entity-events[]
@Entity(table = "ev_documents")
public class Document {
    @Id
    public Integer id;
    @Column(length = 100, nullable = false)
    public String title;
    public Integer revision;
    public Boolean deleted = false;
    @ForeignKey("ev_folders.id")
    public Integer folderId;
    @Relationship(backPopulates = "documents")
    public Folder folder;
    @Transient
    public final List<String> calls = new ArrayList<>();

    @BeforeInsert
    void firstRevision() {
        revision = 1;
        calls.add("beforeInsert");
    }

    @AfterInsert
    void inserted() {
        calls.add("afterInsert " + id);
    }

    @BeforeUpdate
    void nextRevision() {
        revision = revision + 1; // written by the same UPDATE
        calls.add("beforeUpdate");
    }

    @Validates("title")
    String checkTitle(String value) { // runs at flush: Java cannot intercept the assignment
        if (value == null || value.isBlank()) {
            throw new ArgumentError("a document needs a title");
        }
        return value.strip();
    }
    // end::entity-events[]

    protected Document() {
    }

    public Document(String title) {
        this.title = title;
    }
}
