package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** BOOLEAN ↔ {@link Boolean}; rendered as BOOL/TINYINT(1) on MySQL and as an integer 0/1 on SQLite. Stateless: use {@link #INSTANCE}. */
public final class BooleanType extends SqlType<Boolean> {
    public static final BooleanType INSTANCE = new BooleanType();

    private BooleanType() {
    }

    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }

    @Override
    public int jdbcType() {
        return Types.BOOLEAN;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, Boolean value) throws SQLException {
        ps.setBoolean(index, value);
    }

    @Override
    public Boolean read(ResultSet rs, int index) throws SQLException {
        boolean v = rs.getBoolean(index);
        return !v && rs.wasNull() ? null : v;
    }
}
