package org.jalchemy.examples.reference;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** The account of docs/reliability.md's transfer example. */
@Entity(table = "rel_accounts")
public class BankAccount {
    @Id
    public Integer id;
    @Column(nullable = false)
    public Long balance;

    protected BankAccount() {
    }

    public BankAccount(int id, long balance) {
        this.id = id;
        this.balance = balance;
    }
}
