package com.example.shop;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** A mapped class of the user project: the processor writes {@code Product_}. */
@Entity(table = "products")
public class Product {
    @Id
    @Column(autoincrement = Column.Autoincrement.TRUE)
    public Integer id;
    @Column(nullable = false, length = 40)
    public String name;
    @Column(nullable = false)
    public Integer stock;

    public Product() {
    }

    public Product(String name, Integer stock) {
        this.name = name;
        this.stock = stock;
    }
}
