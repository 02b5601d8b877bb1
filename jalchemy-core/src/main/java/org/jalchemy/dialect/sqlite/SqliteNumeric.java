package org.jalchemy.dialect.sqlite;

import org.jalchemy.types.NumericType;
import org.jalchemy.types.SqlType;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * NUMERIC on SQLite: a BigDecimal that a double represents exactly is bound as a REAL, any other
 * as text. sqlite-jdbc binds every BigDecimal as text, which a column's NUMERIC affinity converts,
 * but an expression has no affinity: {@code sum(price) > '7000'} compares a number with a string
 * and is never true in SQLite. Bound as REAL, the comparison is numeric, and what a NUMERIC column
 * stores is unchanged (its affinity turned the text into that number anyway). Values a double
 * cannot hold exactly stay text, as before. Reading is {@link NumericType}'s.
 */
final class SqliteNumeric extends SqlType<BigDecimal> {
    private final NumericType declared;

    SqliteNumeric(NumericType declared) {
        this.declared = declared;
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
        double d = value.doubleValue();
        if (!Double.isInfinite(d) && BigDecimal.valueOf(d).compareTo(value) == 0) {
            ps.setDouble(index, d);
        } else {
            ps.setString(index, value.toPlainString());
        }
    }

    @Override
    public BigDecimal read(ResultSet rs, int index) throws SQLException {
        return declared.read(rs, index);
    }

    @Override
    public BigDecimal coerce(Object value) {
        return declared.coerce(value);
    }

    @Override
    public String toString() {
        return declared.toString();
    }
}
