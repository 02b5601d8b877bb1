package org.jalchemy.orm.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** An account balance for the concurrent-transfer tests (a key given by the test, no version column). */
@Entity(table = "orm_wallets")
public class Wallet {
    @Id
    public Integer id;
    @Column(nullable = false)
    public Long balance;

    protected Wallet() {
    }

    public Wallet(int id, long balance) {
        this.id = id;
        this.balance = balance;
    }
}
