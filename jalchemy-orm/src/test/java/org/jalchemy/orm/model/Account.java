package org.jalchemy.orm.model;

import org.jalchemy.orm.annotations.CheckConstraint;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Index;
import org.jalchemy.orm.annotations.Version;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Versioned entity with a server default, a check constraint, an index and several types. */
@Entity(table = "orm_accounts")
@Index(columns = {"owner", "opened"})
@CheckConstraint(name = "ck_orm_accounts_balance", value = "balance >= 0")
public class Account {
    @Id
    public Long id;
    @Column(nullable = false, length = 60)
    public String owner;
    @Column(precision = 12, scale = 2, nullable = false)
    public BigDecimal balance = BigDecimal.ZERO;
    public LocalDate opened;
    public boolean active = true;
    @Column(length = 20, serverDefault = "'basic'")
    public String tier;
    @Version
    public Integer version;
    transient String scratch;

    Account() {
    }

    public Account(String owner, BigDecimal balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
