package org.jalchemy.dialect.postgresql;

import org.jalchemy.types.JsonType;
import org.jalchemy.types.SqlType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** JSON on PostgreSQL: the text is sent untyped so the server casts it to the column's JSONB/JSON. */
final class PgJsonType<T> extends SqlType<T> {
    private final JsonType<T> declared;

    PgJsonType(JsonType<T> declared) {
        this.declared = declared;
    }

    @Override
    public Class<T> javaType() {
        return declared.javaType();
    }

    @Override
    public int jdbcType() {
        return Types.OTHER;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, T value) throws SQLException {
        ps.setObject(index, org.jalchemy.types.UnicodeText.requireWellFormed(declared.encode(value), index), Types.OTHER);
    }

    @Override
    public T read(ResultSet rs, int index) throws SQLException {
        return declared.read(rs, index);
    }

    @Override
    public T coerce(Object value) {
        return declared.coerce(value);
    }

    @Override
    public String toString() {
        return declared.toString();
    }
}
