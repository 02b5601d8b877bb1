package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;

/**
 * An enumerated column whose values are handled as Strings (SQLAlchemy's {@code Enum("a", "b")}):
 * what reflection returns for native enums, since no Java enum class is known then. Binding a value
 * outside {@link #values()} raises {@link org.jalchemy.exc.ArgumentError} before the database sees it.
 */
public final class StringEnumType extends SqlType<String> implements EnumValues {
    private final String name;
    private final List<String> values;

    public StringEnumType(String name, List<String> values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = List.copyOf(values);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> values() {
        return values;
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
    public String coerce(Object value) {
        String s = super.coerce(value);
        if (!values.contains(s)) {
            throw new org.jalchemy.exc.ArgumentError("'" + s + "' is not a value of enum " + name + " " + values);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringEnumType e && name.equals(e.name) && values.equals(e.values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return "Enum(" + name + ", " + values + ")";
    }
}
