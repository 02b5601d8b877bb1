package org.jalchemy.examples.reference;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Enumerated;
import org.jalchemy.orm.annotations.Id;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The entity of docs/sharing-with-sqlalchemy.md: SQLAlchemy's {@code Order} model, seen from Java. */
// tag::shared-entity[]
@Entity(table = "shared_orders")
public class SharedOrder {
    public enum Status { NEW, PAID, SHIPPED }          // SQLAlchemy stores the member names

    @Id
    public Integer id;
    @Column(nullable = false, length = 100)
    public String customer;
    @Column(precision = 10, scale = 2)
    public BigDecimal total;
    @Enumerated(name = "order_status", createConstraint = false)   // Enum(Status, name="order_status")
    public Status status;
    public LocalDateTime createdAt;                     // created_at DateTime
    // end::shared-entity[]

    protected SharedOrder() {
    }

    public SharedOrder(int id, String customer, BigDecimal total, Status status, LocalDateTime createdAt) {
        this.id = id;
        this.customer = customer;
        this.total = total;
        this.status = status;
        this.createdAt = createdAt;
    }
}
