package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A SQL type and its Java mapping (SQLAlchemy's {@code TypeEngine}): how a {@code T} is bound to
 * a JDBC parameter and read back from a result column.
 *
 * <p>Hot path: {@link #bind} and {@link #read} run once per value; implementations must not
 * allocate beyond the value itself, use reflection, or look anything up. Dialect differences
 * (e.g. UUID stored as text on MySQL) are handled by the dialect choosing an implementation type
 * once, at compile time, never by branching here per value.
 *
 * <p>Instances are immutable and may be shared freely.
 */
public abstract class SqlType<T> {

    /** The Java class values of this type have. */
    public abstract Class<T> javaType();

    /** The {@link java.sql.Types} code used for NULLs and driver hints. */
    public abstract int jdbcType();

    /** Binds a non-null {@code value} at {@code index}. */
    protected abstract void bindValue(PreparedStatement ps, int index, T value) throws SQLException;

    /** Reads column {@code index}; returns null for SQL NULL. */
    public abstract T read(ResultSet rs, int index) throws SQLException;

    /**
     * Reads column {@code index} of a row that may repeat the previous row's value: returns
     * {@code previous} itself when the column equals it (non-null), else what {@link #read} returns.
     * For readers of rows grouped by a key, which then see an unchanged key by identity; a type
     * whose values are boxed primitives compares without boxing.
     */
    public Object readIfChanged(ResultSet rs, int index, Object previous) throws SQLException {
        T v = read(rs, index);
        return v != null && v.equals(previous) ? previous : v;
    }

    /** Binds {@code value} (possibly null) at {@code index}. */
    public final void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, jdbcType());
        } else {
            bindValue(ps, index, coerce(value));
        }
    }

    /**
     * Converts a value handed in untyped (e.g. through a parameter map) to {@code T}; raises
     * {@link org.jalchemy.exc.ArgumentError} naming both types when it cannot.
     */
    public T coerce(Object value) {
        Class<T> jt = javaType();
        if (jt.isInstance(value)) {
            return jt.cast(value);
        }
        throw new org.jalchemy.exc.ArgumentError("Value " + abbreviate(value) + " of type "
                + value.getClass().getName() + " cannot be bound as " + this + " (expects " + jt.getName() + ")");
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? "'" + s.substring(0, 57) + "...'" : "'" + s + "'";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
