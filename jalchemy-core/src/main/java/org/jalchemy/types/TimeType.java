package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** TIME with microseconds ↔ {@link java.time.LocalTime} (ISO text on SQLite). Stateless: use {@link #INSTANCE}. */
public final class TimeType extends SqlType<java.time.LocalTime> {
    public static final TimeType INSTANCE = new TimeType();

    private TimeType() {
    }

    @Override
    public Class<java.time.LocalTime> javaType() {
        return java.time.LocalTime.class;
    }

    @Override
    public int jdbcType() {
        return Types.TIME;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, java.time.LocalTime value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    public java.time.LocalTime read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, java.time.LocalTime.class);
    }
}
