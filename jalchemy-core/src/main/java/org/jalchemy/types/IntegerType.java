package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** INTEGER ↔ {@link Integer}. */
public final class IntegerType extends SqlType<Integer> {
    public static final IntegerType INSTANCE = new IntegerType();

    private IntegerType() {
    }

    @Override
    public Class<Integer> javaType() {
        return Integer.class;
    }

    @Override
    public int jdbcType() {
        return Types.INTEGER;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, Integer value) throws SQLException {
        ps.setInt(index, value);
    }

    @Override
    public Integer read(ResultSet rs, int index) throws SQLException {
        int v = rs.getInt(index);
        return v == 0 && rs.wasNull() ? null : v;
    }

    @Override
    public Object readIfChanged(ResultSet rs, int index, Object previous) throws SQLException {
        int v = rs.getInt(index);
        if (v == 0 && rs.wasNull()) {
            return null;
        }
        return previous instanceof Integer p && p == v ? previous : (Integer) v;
    }
}
