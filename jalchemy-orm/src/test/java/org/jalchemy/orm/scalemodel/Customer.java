package org.jalchemy.orm.scalemodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Cascade;

import java.util.ArrayList;
import java.util.List;

/** Read replicas and sharding tests: a customer of one region with its orders (children stay in its shard). */
// tag::customer[]
@Entity(table = "scale_customers")
public class Customer {
    @Id
    public Integer id;
    @Column(length = 20, nullable = false)
    public String region;
    @Column(length = 50, nullable = false)
    public String name;

    @Relationship(backPopulates = "customer", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "id")
    public List<PurchaseOrder> orders = new ArrayList<>();

    protected Customer() {
    }

    public Customer(Integer id, String region, String name) {
        this.id = id;
        this.region = region;
        this.name = name;
    }
}
// end::customer[]
