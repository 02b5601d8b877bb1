package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Java enum stored by {@link Enum#name()} (SQLAlchemy's {@code Enum}): a native type where the
 * database has one (PostgreSQL {@code CREATE TYPE name AS ENUM}, MySQL inline {@code ENUM(...)}),
 * otherwise VARCHAR(longest name) with a CHECK constraint listing the names.
 *
 * <p>{@link #storage} chooses SQLAlchemy's other forms: VARCHAR on every database
 * ({@code native_enum=False}), with or without the CHECK ({@code create_constraint}), of a given
 * length. Whatever the form, values are bound and read as the constant names.
 *
 * <p>Hazard: renaming or reordering constants changes the database type; migrations must follow.
 * An unknown name read back raises {@link org.jalchemy.exc.ArgumentError}
 * naming the enum class.
 */
public final class EnumType<E extends Enum<E>> extends SqlType<E> implements EnumValues {
    private final Class<E> enumClass;
    private final String name;
    private final List<String> values;
    private final E[] constants;
    private final boolean nativeEnum;
    private final boolean createConstraint;
    private final Integer length;

    public EnumType(Class<E> enumClass) {
        this(enumClass, enumClass.getSimpleName().toLowerCase(Locale.ROOT));
    }

    /** {@code name} names the PostgreSQL type (and the CHECK constraint elsewhere). */
    public EnumType(Class<E> enumClass, String name) {
        this(enumClass, name, true, true, null);
    }

    private EnumType(Class<E> enumClass, String name, boolean nativeEnum, boolean createConstraint, Integer length) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        this.name = Objects.requireNonNull(name, "name");
        this.constants = enumClass.getEnumConstants();
        this.values = Arrays.stream(constants).map(Enum::name).toList();
        this.nativeEnum = nativeEnum;
        this.createConstraint = createConstraint;
        this.length = length;
        if (length != null && length < EnumValues.super.length()) {
            throw new org.jalchemy.exc.ArgumentError("Enum " + enumClass.getName() + ": length " + length
                    + " is shorter than its longest constant name (" + EnumValues.super.length() + ")");
        }
    }

    /**
     * This enum stored another way: {@code nativeEnum} false for VARCHAR on every database,
     * {@code createConstraint} false for no CHECK on VARCHAR storage, {@code length} the VARCHAR
     * length (null: the longest name).
     */
    public EnumType<E> storage(boolean nativeEnum, boolean createConstraint, Integer length) {
        return new EnumType<>(enumClass, name, nativeEnum, createConstraint, length);
    }

    @Override
    public boolean nativeEnum() {
        return nativeEnum;
    }

    @Override
    public boolean createConstraint() {
        return createConstraint;
    }

    @Override
    public int length() {
        return length != null ? length : EnumValues.super.length();
    }

    /** The database type name (PostgreSQL) and the base of the CHECK constraint's name elsewhere. */
    @Override
    public String name() {
        return name;
    }

    /** The constant names, in declaration order. */
    @Override
    public List<String> values() {
        return values;
    }


    @Override
    public Class<E> javaType() {
        return enumClass;
    }

    @Override
    public int jdbcType() {
        return Types.VARCHAR;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, E value) throws SQLException {
        ps.setString(index, value.name());
    }

    @Override
    public E read(ResultSet rs, int index) throws SQLException {
        String s = rs.getString(index);
        return s == null ? null : fromName(s);
    }

    /** The constant called {@code s}; raises naming the enum class when there is none. */
    public E fromName(String s) {
        for (E e : constants) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new org.jalchemy.exc.ArgumentError("'" + s + "' is not a constant of enum " + enumClass.getName()
                + " (known: " + values + ")");
    }

    @Override
    public E coerce(Object value) {
        if (value instanceof String s) {
            return fromName(s);
        }
        return super.coerce(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnumType<?> e && enumClass == e.enumClass && name.equals(e.name)
                && nativeEnum == e.nativeEnum && createConstraint == e.createConstraint && Objects.equals(length, e.length);
    }

    @Override
    public int hashCode() {
        return enumClass.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "Enum(" + enumClass.getSimpleName() + (nativeEnum ? "" : ", native_enum=False")
                + (createConstraint ? "" : ", create_constraint=False") + (length == null ? "" : ", length=" + length) + ")";
    }
}
