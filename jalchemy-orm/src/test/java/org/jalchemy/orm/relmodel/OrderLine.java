package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** The association object: one row of orders × items, with extra columns. */
@Entity(table = "order_lines")
public class OrderLine {
    @Id
    @ForeignKey("orders.id")
    public Integer orderId;
    @Id
    @ForeignKey("items.id")
    public Integer itemId;
    public int quantity;
    public boolean bulk;

    @Relationship(backPopulates = "lines")
    public Order order;

    @Relationship
    public Item item;

    protected OrderLine() {
    }

    public OrderLine(Item item, int quantity) {
        this.item = item;
        this.quantity = quantity;
        this.bulk = quantity > 1;
    }
}
