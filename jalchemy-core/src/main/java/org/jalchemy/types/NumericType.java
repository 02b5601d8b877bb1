package org.jalchemy.types;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;

/**
 * NUMERIC(precision, scale) ↔ {@link BigDecimal}, exact. Either may be null (database default).
 * Hazard: SQLite has no exact decimal storage; values go through its NUMERIC affinity and may come
 * back as a double-precision approximation (as with SQLAlchemy).
 */
public final class NumericType extends SqlType<BigDecimal> {
    private final Integer precision;
    private final Integer scale;

    public NumericType(Integer precision, Integer scale) {
        this.precision = precision;
        this.scale = scale;
    }

    public Integer precision() {
        return precision;
    }

    public Integer scale() {
        return scale;
    }

    @Override
    public Class<BigDecimal> javaType() {
        return BigDecimal.class;
    }

    @Override
    public int jdbcType() {
        return Types.NUMERIC;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        ps.setBigDecimal(index, value);
    }

    @Override
    public BigDecimal read(ResultSet rs, int index) throws SQLException {
        return rs.getBigDecimal(index);
    }

    @Override
    public BigDecimal coerce(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return super.coerce(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericType n && Objects.equals(precision, n.precision) && Objects.equals(scale, n.scale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(precision, scale);
    }

    @Override
    public String toString() {
        return precision == null ? "Numeric" : "Numeric(" + precision + (scale == null ? "" : ", " + scale) + ")";
    }
}
