package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** DATE ↔ {@link java.time.LocalDate} (ISO text on SQLite). Stateless: use {@link #INSTANCE}. */
public final class DateType extends SqlType<java.time.LocalDate> {
    public static final DateType INSTANCE = new DateType();

    private DateType() {
    }

    @Override
    public Class<java.time.LocalDate> javaType() {
        return java.time.LocalDate.class;
    }

    @Override
    public int jdbcType() {
        return Types.DATE;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, java.time.LocalDate value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    public java.time.LocalDate read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, java.time.LocalDate.class);
    }
}
