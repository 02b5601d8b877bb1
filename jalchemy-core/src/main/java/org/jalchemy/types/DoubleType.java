package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** DOUBLE PRECISION ↔ {@link Double}. NaN and infinities are kept only where the database allows them (PostgreSQL). Stateless: use {@link #INSTANCE}. */
public final class DoubleType extends SqlType<Double> {
    public static final DoubleType INSTANCE = new DoubleType();

    private DoubleType() {
    }

    @Override
    public Class<Double> javaType() {
        return Double.class;
    }

    @Override
    public int jdbcType() {
        return Types.DOUBLE;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, Double value) throws SQLException {
        ps.setDouble(index, value);
    }

    @Override
    public Double read(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return v == 0 && rs.wasNull() ? null : v;
    }

    /** Also takes Float, Integer and Short (widened exactly). */
    @Override
    public Double coerce(Object value) {
        if (value instanceof Float || value instanceof Integer || value instanceof Short) {
            return ((Number) value).doubleValue();
        }
        return super.coerce(value);
    }
}
