package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** The type of an expression whose type is unknown: values pass through the driver untouched. */
public final class NullType extends SqlType<Object> {
    public static final NullType INSTANCE = new NullType();

    private NullType() {
    }

    @Override
    public Class<Object> javaType() {
        return Object.class;
    }

    @Override
    public int jdbcType() {
        return Types.NULL;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, Object value) throws SQLException {
        ps.setObject(index, value instanceof Enum<?> e ? e.name() : value);
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index);
    }

    @Override
    public Object coerce(Object value) {
        return value;
    }
}
