package org.jalchemy.orm.mapping;

import org.jalchemy.types.EnumType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.SqlTypes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Infers a field's SQL type from its Java type (SQLAlchemy's type-annotation map): the table in
 * docs/orm.md. {@code @Column(length, precision, scale)} refine String and BigDecimal.
 */
final class BasicTypes {
    private BasicTypes() {
    }

    /** The SQL type for {@code javaType}, or null when none fits; negative sizes mean "not given". */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static SqlType<?> infer(Class<?> javaType, int length, int precision, int scale) {
        Class<?> t = box(javaType);
        if (t == Integer.class) {
            return SqlTypes.integer();
        }
        if (t == String.class) {
            return length < 0 ? SqlTypes.string() : SqlTypes.string(length);
        }
        if (t == Long.class) {
            return SqlTypes.bigInteger();
        }
        if (t == Short.class) {
            return SqlTypes.smallInteger();
        }
        if (t == Boolean.class) {
            return SqlTypes.booleanType();
        }
        if (t == Double.class) {
            return SqlTypes.doubleType();
        }
        if (t == Float.class) {
            return SqlTypes.floatType();
        }
        if (t == BigDecimal.class) {
            return new NumericType(precision < 0 ? null : precision, scale < 0 ? null : scale);
        }
        if (t == LocalDate.class) {
            return SqlTypes.date();
        }
        if (t == LocalTime.class) {
            return SqlTypes.time();
        }
        if (t == LocalDateTime.class) {
            return SqlTypes.dateTime();
        }
        if (t == OffsetDateTime.class) {
            return SqlTypes.dateTimeTz();
        }
        if (t == Instant.class) {
            return SqlTypes.instant();
        }
        if (t == Duration.class) {
            return SqlTypes.interval();
        }
        if (t == UUID.class) {
            return SqlTypes.uuid();
        }
        if (t == byte[].class) {
            return SqlTypes.largeBinary();
        }
        if (t.isEnum()) {
            return new EnumType(t);
        }
        if (isJson(t)) { // jsonb on PostgreSQL, JSON on MariaDB, JSON text on SQLite; needs a JsonCodec (Jackson)
            return SqlTypes.json(t);
        }
        return null;
    }

    /** Map, List, a record or a Jackson JsonNode: stored as a JSON document. */
    static boolean isJson(Class<?> t) {
        return java.util.Map.class.isAssignableFrom(t) || java.util.List.class.isAssignableFrom(t) || t.isRecord()
                || isJsonNode(t);
    }

    /** A mutable JSON value (Map, List, JsonNode) whose in-place changes the flush detects by comparing with a copy. */
    static boolean isMutableJson(Class<?> t) {
        return java.util.Map.class.isAssignableFrom(t) || java.util.List.class.isAssignableFrom(t) || isJsonNode(t);
    }

    private static boolean isJsonNode(Class<?> t) {
        for (Class<?> c = t; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("com.fasterxml.jackson.databind.JsonNode")) {
                return true;
            }
        }
        return false;
    }

    static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        }
        if (c == long.class) {
            return Long.class;
        }
        if (c == boolean.class) {
            return Boolean.class;
        }
        if (c == double.class) {
            return Double.class;
        }
        if (c == float.class) {
            return Float.class;
        }
        if (c == short.class) {
            return Short.class;
        }
        if (c == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
