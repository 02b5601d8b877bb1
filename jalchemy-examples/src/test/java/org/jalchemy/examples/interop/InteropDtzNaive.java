package org.jalchemy.examples.interop;

import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

import java.time.LocalDateTime;

/**
 * SQLAlchemy's {@code DateTime(timezone=True)} on SQLite and MariaDB: a DATETIME holding the wall
 * time of the value written, its offset dropped by SQLAlchemy (pysqlite, PyMySQL).
 */
@Entity(table = "interop_values")
public class InteropDtzNaive {
    @Id
    @Column(autoincrement = Column.Autoincrement.FALSE)
    public Integer id;
    public LocalDateTime dtz;
}
