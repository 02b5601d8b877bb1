package org.jalchemy.sql;

import org.jalchemy.types.NullType;
import org.jalchemy.types.SqlType;

import java.util.Objects;

/**
 * A bound parameter: a {@code ?} in the SQL whose value travels separately to the driver
 * (SQLAlchemy's {@code BindParameter}). Either it carries a value (embedded in the statement,
 * reported by {@link Executable#boundValues()}) or it is a named placeholder filled from the
 * execution parameters ({@code Sql.bindparam("name")}).
 *
 * <p>The value is not part of the cache key; the name and type are.
 */
public final class BindParameter<T> extends ColumnElement<T> {
    private final String key;
    private final Object value;
    private final SqlType<T> type;
    private final boolean named;
    private final boolean hasValue;

    private BindParameter(String key, Object value, SqlType<T> type, boolean named) {
        this(key, value, type, named, !named);
    }

    private BindParameter(String key, Object value, SqlType<T> type, boolean named, boolean hasValue) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = value;
        this.type = Objects.requireNonNull(type, "type");
        this.named = named;
        this.hasValue = hasValue;
    }

    /** A parameter with an embedded value, bound by the driver's inference (NullType). */
    static BindParameter<Object> of(String key, Object value) {
        return new BindParameter<>(key, value, NullType.INSTANCE, false);
    }

    /** A parameter with an embedded value of {@code type}; the value is checked with {@link SqlType#coerce} now. */
    static <T> BindParameter<T> coerced(String key, Object value, SqlType<T> type) {
        return new BindParameter<>(key, value == null ? null : type.coerce(value), type, false);
    }

    /** A named placeholder whose value comes from the execution parameters. */
    static <T> BindParameter<T> named(String name, SqlType<T> type) {
        return new BindParameter<>(name, null, type, true);
    }

    /** A named parameter with a default value that execution parameters may override. */
    static <T> BindParameter<T> named(String name, T value, SqlType<T> type) {
        return new BindParameter<>(name, value, type, true, true);
    }

    /** A new parameter with the same key, value and type (a distinct bind slot). */
    BindParameter<T> copy() {
        return new BindParameter<>(key, value, type, named, hasValue);
    }

    public String key() {
        return key;
    }

    /** The embedded value (null for a pure named placeholder). */
    public Object value() {
        return value;
    }

    /** True when the parameter keeps its exact name, so execution parameters of that name fill it. */
    public boolean isNamed() {
        return named;
    }

    /** True when the statement carries a value for it (a named parameter may still be overridden). */
    public boolean hasValue() {
        return hasValue;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    String bindKey() {
        return key;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitBind(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(BindParameter.class).add(type);
        if (named) {
            k.add(key);
        }
        k.bind(this);
    }
}
