package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Cascade;

import java.util.ArrayList;
import java.util.List;

/** A self-referential tree (adjacency list): {@code parent} with {@code remoteSide = "id"}, and {@code children}. */
// tag::adjacency[]
@Entity(table = "nodes")
public class Node {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;
    @ForeignKey("nodes.id")
    public Integer parentId;

    @Relationship(remoteSide = "id", backPopulates = "children")
    public Node parent;

    @Relationship(backPopulates = "parent", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "name")
    public List<Node> children = new ArrayList<>();

    protected Node() {
    }

    public Node(String name) {
        this.name = name;
    }

    public Node add(Node child) {
        children.add(child);
        return this;
    }
}
// end::adjacency[]
