package org.jalchemy.types;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * PostgreSQL {@code elementType[]} ↔ {@code List<E>} (one dimension; NULL elements allowed).
 * Elements are limited to types with a JDBC array mapping: integers, floating point, numeric,
 * boolean, text and UUID. Other dialects raise {@link org.jalchemy.exc.CompileError} at DDL time.
 */
public final class ArrayType<E> extends SqlType<List<E>> {
    private static final Map<Class<?>, String> ELEMENT_NAMES = Map.of(Integer.class, "int4", Long.class, "int8",
            Short.class, "int2", Double.class, "float8", Float.class, "float4", BigDecimal.class, "numeric",
            Boolean.class, "bool", String.class, "text", UUID.class, "uuid");

    private final SqlType<E> elementType;
    private final String elementName;

    public ArrayType(SqlType<E> elementType) {
        this.elementType = Objects.requireNonNull(elementType, "elementType");
        this.elementName = ELEMENT_NAMES.get(elementType.javaType());
        if (elementName == null) {
            throw new org.jalchemy.exc.ArgumentError("ARRAY of " + elementType + " is not supported; element types are "
                    + "integers, Float, Double, Numeric, Boolean, String/Text and UUID");
        }
    }

    public SqlType<E> elementType() {
        return elementType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<E>> javaType() {
        return (Class) List.class;
    }

    @Override
    public int jdbcType() {
        return Types.ARRAY;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, List<E> value) throws SQLException {
        ps.setArray(index, ps.getConnection().createArrayOf(elementName, value.toArray()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> read(ResultSet rs, int index) throws SQLException {
        Array a = rs.getArray(index);
        if (a == null) {
            return null;
        }
        try {
            Object[] items = (Object[]) a.getArray();
            List<E> out = new ArrayList<>(items.length);
            for (Object o : items) {
                out.add(o == null ? null : elementType.coerce(o instanceof Number n ? narrow(n) : o));
            }
            return out;
        } finally {
            a.free();
        }
    }

    private Object narrow(Number n) {
        Class<?> t = elementType.javaType();
        if (t == Short.class) {
            return n.shortValue();
        }
        if (t == Float.class) {
            return n.floatValue();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayType<?> a && a.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return elementType.hashCode() * 17;
    }

    @Override
    public String toString() {
        return "ARRAY(" + elementType + ")";
    }
}
