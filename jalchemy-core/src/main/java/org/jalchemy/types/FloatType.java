package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Single-precision REAL/FLOAT ↔ {@link Float}. NaN and infinities are kept only where the database allows them (PostgreSQL). Stateless: use {@link #INSTANCE}. */
public final class FloatType extends SqlType<Float> {
    public static final FloatType INSTANCE = new FloatType();

    private FloatType() {
    }

    @Override
    public Class<Float> javaType() {
        return Float.class;
    }

    @Override
    public int jdbcType() {
        return Types.REAL;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, Float value) throws SQLException {
        ps.setFloat(index, value);
    }

    @Override
    public Float read(ResultSet rs, int index) throws SQLException {
        float v = rs.getFloat(index);
        return v == 0 && rs.wasNull() ? null : v;
    }
}
