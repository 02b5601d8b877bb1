package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** UUID ↔ {@link java.util.UUID}: native on PostgreSQL; dialects without one store CHAR(36) text (see {@link UuidAsStringType}). Stateless: use {@link #INSTANCE}. */
public final class UuidType extends SqlType<java.util.UUID> {
    public static final UuidType INSTANCE = new UuidType();

    private UuidType() {
    }

    @Override
    public Class<java.util.UUID> javaType() {
        return java.util.UUID.class;
    }

    @Override
    public int jdbcType() {
        return Types.OTHER;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, java.util.UUID value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    public java.util.UUID read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, java.util.UUID.class);
    }

    /** Also takes the 36-character text form. */
    @Override
    public java.util.UUID coerce(Object value) {
        return value instanceof String s ? java.util.UUID.fromString(s) : super.coerce(value);
    }
}
