package org.jalchemy.dialect.postgresql;

import org.jalchemy.types.EnumType;
import org.jalchemy.types.SqlType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Binding of {@link EnumType} and {@link org.jalchemy.types.StringEnumType} on PostgreSQL: the name is sent untyped ({@code Types.OTHER}) so the
 * server casts it to the column's enum type (a VARCHAR parameter would be rejected).
 */
final class PgEnumType<E> extends SqlType<E> {
    private final SqlType<E> declared;

    PgEnumType(SqlType<E> declared) {
        this.declared = declared;
    }

    @Override
    public Class<E> javaType() {
        return declared.javaType();
    }

    @Override
    public int jdbcType() {
        return Types.OTHER;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, E value) throws SQLException {
        ps.setObject(index, value instanceof Enum<?> e ? e.name() : value.toString(), Types.OTHER);
    }

    @Override
    public E read(ResultSet rs, int index) throws SQLException {
        return declared.read(rs, index);
    }

    @Override
    public E coerce(Object value) {
        return declared.coerce(value);
    }

    @Override
    public String toString() {
        return declared.toString();
    }
}
