package org.jalchemy.asyncio.model;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

/** A wide row for the million-row streaming test: a key and a 200-odd character label. */
@Entity(table = "as_readings")
public class Reading {
    @Id
    public Integer id;
    @Column(length = 220)
    public String label;

    protected Reading() {
    }
}
