package org.jalchemy.examples.interop;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

import java.time.OffsetDateTime;

/** SQLAlchemy's {@code DateTime(timezone=True)} where it is TIMESTAMP WITH TIME ZONE (PostgreSQL). */
@Entity(table = "interop_values")
public class InteropDtz {
    @Id
    @Column(autoincrement = Column.Autoincrement.FALSE)
    public Integer id;
    public OffsetDateTime dtz;
}
