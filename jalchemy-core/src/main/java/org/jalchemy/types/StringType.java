package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** VARCHAR(n) ↔ {@link String}; {@code length} null means unbounded where the dialect allows it. */
public final class StringType extends SqlType<String> {
    private final Integer length;

    public StringType(Integer length) {
        this.length = length;
    }

    /** Declared length, or null. */
    public Integer length() {
        return length;
    }

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public int jdbcType() {
        return Types.VARCHAR;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setString(index, UnicodeText.requireWellFormed(value, index));
    }

    @Override
    public String read(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringType s && java.util.Objects.equals(length, s.length);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(length);
    }

    @Override
    public String toString() {
        return length == null ? "String" : "String(" + length + ")";
    }
}
