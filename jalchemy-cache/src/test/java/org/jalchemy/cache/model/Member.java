package org.jalchemy.cache.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** A cached entity of the cache tests. */
@Entity(table = "qc_members")
public class Member {
    @Id
    public Integer id;
    @Column(nullable = false, length = 50)
    public String name;
    @Column(nullable = false)
    public Boolean active;

    protected Member() {
    }

    public Member(Integer id, String name, boolean active) {
        this.id = id;
        this.name = name;
        this.active = active;
    }
}
