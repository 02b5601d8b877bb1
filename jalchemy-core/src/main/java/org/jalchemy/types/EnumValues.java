package org.jalchemy.types;

import java.util.List;

/**
 * What DDL needs of an enumerated type, whichever Java type carries it: the type's name
 * (PostgreSQL {@code CREATE TYPE}), its values in order, and the longest value's length (VARCHAR
 * storage elsewhere). Implemented by {@link EnumType} (a Java enum) and {@link StringEnumType}
 * (plain strings, e.g. a reflected enum).
 */
public interface EnumValues {
    String name();

    List<String> values();

    /** Length of the VARCHAR storage: by default the longest value's. */
    default int length() {
        return values().stream().mapToInt(String::length).max().orElse(1);
    }

    /**
     * Whether the database's own enum type is used where there is one (PostgreSQL's
     * {@code CREATE TYPE}, MySQL's {@code ENUM(...)}); false stores VARCHAR everywhere
     * (SQLAlchemy's {@code native_enum=False}).
     */
    default boolean nativeEnum() {
        return true;
    }

    /** Whether VARCHAR storage gets a CHECK constraint listing the values (SQLAlchemy's {@code create_constraint}). */
    default boolean createConstraint() {
        return true;
    }
}
