package com.example.models;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

@Entity(table = "users_plugin")
public class User {
    @Id
    @Column(autoincrement = Column.Autoincrement.TRUE)
    public Integer id;
    @Column(nullable = false, length = 50)
    public String username;
    @Column(nullable = true, length = 120)
    public String email;

    protected User() {
    }
}
