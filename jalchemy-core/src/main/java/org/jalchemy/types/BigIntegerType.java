package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** BIGINT ↔ {@link Long}. Stateless: use {@link #INSTANCE}. */
public final class BigIntegerType extends SqlType<Long> {
    public static final BigIntegerType INSTANCE = new BigIntegerType();

    private BigIntegerType() {
    }

    @Override
    public Class<Long> javaType() {
        return Long.class;
    }

    @Override
    public int jdbcType() {
        return Types.BIGINT;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, Long value) throws SQLException {
        ps.setLong(index, value);
    }

    @Override
    public Long read(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return v == 0 && rs.wasNull() ? null : v;
    }

    @Override
    public Object readIfChanged(ResultSet rs, int index, Object previous) throws SQLException {
        long v = rs.getLong(index);
        if (v == 0 && rs.wasNull()) {
            return null;
        }
        return previous instanceof Long p && p == v ? previous : (Long) v;
    }

    /** Also takes Integer, Short and Byte (widened exactly). */
    @Override
    public Long coerce(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return super.coerce(value);
    }
}
