package org.jalchemy.spring.boot.app;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** A bank account; its table comes from the revision script, not from createAll. */
// tag::entity[]
@Entity(table = "sb_accounts")
public class Account {
    @Id public Integer id;
    @Column(nullable = false, length = 50) public String owner;
    @Column(nullable = false) public Integer balance;

    public Account() {
    }

    public Account(String owner, int balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
// end::entity[]
