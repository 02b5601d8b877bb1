package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Cascade;

import java.util.ArrayList;
import java.util.List;

/** The association-object pattern: an order's lines are entities with their own columns (quantity). */
@Entity(table = "orders")
public class Order {
    @Id
    public Integer id;
    @Column(length = 50)
    public String customer;

    @Relationship(backPopulates = "order", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public List<OrderLine> lines = new ArrayList<>();

    /** Lines with a quantity above one, read-only, by extra criteria on the join. */
    @Relationship(viewonly = true, where = "bulk=true")
    public List<OrderLine> bulkLines = new ArrayList<>();

    protected Order() {
    }

    public Order(String customer) {
        this.customer = customer;
    }
}
