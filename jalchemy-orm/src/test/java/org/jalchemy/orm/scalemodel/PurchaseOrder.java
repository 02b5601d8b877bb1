package org.jalchemy.orm.scalemodel;

import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;

/** An order of a {@link Customer}; in a sharded session it lives in its customer's shard. */
@Entity(table = "scale_orders")
public class PurchaseOrder {
    @Id
    public Integer id;
    @ForeignKey("scale_customers.id")
    public Integer customerId;
    public Integer amount;

    @Relationship(backPopulates = "orders")
    public Customer customer;

    protected PurchaseOrder() {
    }

    public PurchaseOrder(Integer id, int amount) {
        this.id = id;
        this.amount = amount;
    }
}
