package org.jalchemy.sql;

import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Result types the expression language needs for its own operators (a predicate is a Boolean,
 * {@code count()} a Long, {@code avg()} a BigDecimal) until the types package provides them
 * publicly. Package-private on purpose: user code names the types package's classes.
 */
final class ExprTypes {
    private ExprTypes() {
    }

    static final SqlType<Boolean> BOOLEAN = new SqlType<>() {
        @Override
        public Class<Boolean> javaType() {
            return Boolean.class;
        }

        @Override
        public int jdbcType() {
            return Types.BOOLEAN;
        }

        @Override
        protected void bindValue(PreparedStatement ps, int index, Boolean value) throws SQLException {
            ps.setBoolean(index, value);
        }

        @Override
        public Boolean read(ResultSet rs, int index) throws SQLException {
            boolean v = rs.getBoolean(index);
            return !v && rs.wasNull() ? null : v;
        }

        @Override
        public String toString() {
            return "Boolean";
        }
    };

    static final SqlType<Long> LONG = new SqlType<>() {
        @Override
        public Class<Long> javaType() {
            return Long.class;
        }

        @Override
        public int jdbcType() {
            return Types.BIGINT;
        }

        @Override
        protected void bindValue(PreparedStatement ps, int index, Long value) throws SQLException {
            ps.setLong(index, value);
        }

        @Override
        public Long coerce(Object value) {
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            return super.coerce(value);
        }

        @Override
        public Long read(ResultSet rs, int index) throws SQLException {
            long v = rs.getLong(index);
            return v == 0 && rs.wasNull() ? null : v;
        }

        @Override
        public String toString() {
            return "BigInteger";
        }
    };

    static final SqlType<BigDecimal> DECIMAL = new SqlType<>() {
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
        public String toString() {
            return "Numeric";
        }
    };

    static final SqlType<String> STRING = new StringType(null);

    @SuppressWarnings("unchecked")
    static SqlType<String> stringOf(SqlType<?> t) {
        return t instanceof StringType ? (SqlType<String>) t : STRING;
    }
}
