package org.jalchemy.orm.loadmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.ColumnProperty;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Sql;

import java.util.ArrayList;
import java.util.List;

/** Read-only attributes computed by SQL expressions ({@code @ColumnProperty}). */
// tag::column-property[]
@Entity(table = "writers")
public class Writer {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    @ColumnProperty("countNovels") // (SELECT count(novels.id) FROM novels WHERE ...) AS novel_count
    public Long novelCount;

    static ColumnElement<Long> countNovels() {
        return Sql.select(Sql.func.count(Novel_.id)).where(Novel_.writerId.eq(Writer_.id)).scalarSubquery();
    }
// end::column-property[]

    @ColumnProperty(value = "upperName", deferred = true) // selected only with undefer(Writer_.shout)
    public String shout;

    static ColumnElement<String> upperName() {
        return Sql.func.upper(Writer_.name);
    }

    @Relationship(backPopulates = "writer", orderBy = "title")
    public List<Novel> novels = new ArrayList<>();

    protected Writer() {
    }

    public Writer(String name) {
        this.name = name;
    }
}
