package org.jalchemy.orm.relmodel;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** An item sold through order lines. */
@Entity(table = "items")
public class Item {
    @Id
    public Integer id;
    @Column(length = 50)
    public String name;

    protected Item() {
    }

    public Item(String name) {
        this.name = name;
    }
}
