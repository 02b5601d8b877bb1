package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * TIMESTAMP / DATETIME without time zone ↔ {@link LocalDateTime}, microsecond precision
 * (DATETIME(6) on MySQL, ISO text on SQLite). For zone-aware values use {@link OffsetDateTimeType}
 * or {@link InstantType} ({@code DateTime(timezone=True)} in SQLAlchemy).
 */
public final class DateTimeType extends SqlType<LocalDateTime> {
    public static final DateTimeType INSTANCE = new DateTimeType();

    private DateTimeType() {
    }

    @Override
    public Class<LocalDateTime> javaType() {
        return LocalDateTime.class;
    }

    @Override
    public int jdbcType() {
        return Types.TIMESTAMP;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    public LocalDateTime read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, LocalDateTime.class);
    }
}
