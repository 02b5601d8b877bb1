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

    /** Length of the longest value. */
    default int length() {
        return values().stream().mapToInt(String::length).max().orElse(1);
    }
}
