package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * Maps a Java type {@code T} onto an existing column type {@code I} (SQLAlchemy's
 * {@code TypeDecorator}): subclasses convert in {@link #processBind} and {@link #processResult};
 * DDL renders the {@link #impl()} type and reflection sees the impl type.
 *
 * <pre>{@code
 * final class MoneyType extends TypeDecorator<Money, Long> {
 *     MoneyType() { super(BigIntegerType.INSTANCE); }
 *     public Class<Money> javaType() { return Money.class; }
 *     protected Long processBind(Money m) { return m.cents(); }
 *     protected Money processResult(Long cents) { return new Money(cents); }
 * }
 * }</pre>
 *
 * <p>Converters run once per value on the hot path: keep them allocation-light and pure. Null
 * never reaches them. A dialect adapts the impl type (e.g. UUID as text on MySQL) through
 * {@link #withImpl}, which keeps the conversions.
 */
public abstract class TypeDecorator<T, I> extends SqlType<T> {
    private final SqlType<I> impl;

    protected TypeDecorator(SqlType<I> impl) {
        this.impl = java.util.Objects.requireNonNull(impl, "impl");
    }

    /** The underlying column type. */
    public final SqlType<I> impl() {
        return impl;
    }

    /** Java value to the impl's value (never null). */
    protected abstract I processBind(T value);

    /** Impl's value to the Java value (never null). */
    protected abstract T processResult(I value);

    @Override
    public int jdbcType() {
        return impl.jdbcType();
    }

    @Override
    protected final void bindValue(PreparedStatement ps, int index, T value) throws SQLException {
        impl.bind(ps, index, processBind(value));
    }

    @Override
    public final T read(ResultSet rs, int index) throws SQLException {
        I v = impl.read(rs, index);
        return v == null ? null : processResult(v);
    }

    /**
     * This decorator running on {@code adapt.apply(impl())} instead of its impl: how dialects
     * substitute storage without losing the user's conversions. Returns this when nothing changes.
     */
    @SuppressWarnings("unchecked")
    public SqlType<T> withImpl(UnaryOperator<SqlType<?>> adapt) {
        SqlType<I> adapted = (SqlType<I>) adapt.apply(impl);
        if (adapted == impl) {
            return this;
        }
        TypeDecorator<T, I> outer = this;
        return new TypeDecorator<T, I>(adapted) {
            @Override
            public Class<T> javaType() {
                return outer.javaType();
            }

            @Override
            public T coerce(Object value) {
                return outer.coerce(value);
            }

            @Override
            protected I processBind(T value) {
                return outer.processBind(value);
            }

            @Override
            protected T processResult(I value) {
                return outer.processResult(value);
            }

            @Override
            public String toString() {
                return outer + "[" + adapted + "]";
            }
        };
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + impl + ")";
    }
}
