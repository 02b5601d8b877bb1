package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;

/**
 * A JSON document ↔ a Java value of {@code T} (a record, a bean, {@code Map}, {@code List}...),
 * converted by a {@link JsonCodec}: JSONB on PostgreSQL, JSON on MySQL/MariaDB, JSON text on SQLite.
 *
 * <p>Hazards: the Java value is converted on every bind and read (cost grows with the document);
 * SQL NULL and the JSON literal {@code null} are not told apart (both read as Java null). Mutating a
 * value after reading does not mark anything dirty.
 */
public final class JsonType<T> extends SqlType<T> {
    private final Class<T> javaType;
    private final JsonCodec codec;

    public JsonType(Class<T> javaType, JsonCodec codec) {
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    public JsonCodec codec() {
        return codec;
    }

    /** The JSON text of a value (for dialects that bind it their own way). */
    public String encode(T value) {
        return codec.encode(value);
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public int jdbcType() {
        return Types.VARCHAR;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, T value) throws SQLException {
        ps.setString(index, UnicodeText.requireWellFormed(codec.encode(value), index));
    }

    @Override
    public T read(ResultSet rs, int index) throws SQLException {
        String s = rs.getString(index);
        return s == null ? null : codec.decode(s, javaType);
    }

    @Override
    public T coerce(Object value) {
        return javaType.isInstance(value) ? javaType.cast(value) : super.coerce(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonType<?> j && j.javaType == javaType && j.codec.equals(codec);
    }

    @Override
    public int hashCode() {
        return javaType.hashCode();
    }

    @Override
    public String toString() {
        return "JSON(" + javaType.getSimpleName() + ")";
    }
}
