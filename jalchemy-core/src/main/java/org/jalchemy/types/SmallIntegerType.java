package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** SMALLINT ↔ {@link Short}. Stateless: use {@link #INSTANCE}. */
public final class SmallIntegerType extends SqlType<Short> {
    public static final SmallIntegerType INSTANCE = new SmallIntegerType();

    private SmallIntegerType() {
    }

    @Override
    public Class<Short> javaType() {
        return Short.class;
    }

    @Override
    public int jdbcType() {
        return Types.SMALLINT;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, Short value) throws SQLException {
        ps.setShort(index, value);
    }

    @Override
    public Short read(ResultSet rs, int index) throws SQLException {
        short v = rs.getShort(index);
        return v == 0 && rs.wasNull() ? null : v;
    }

    /** Also takes Integer and Long values that fit in 16 bits. */
    @Override
    public Short coerce(Object value) {
        if ((value instanceof Integer || value instanceof Long || value instanceof Byte)
                && ((Number) value).longValue() == (short) ((Number) value).longValue()) {
            return ((Number) value).shortValue();
        }
        return super.coerce(value);
    }
}
