package org.jalchemy.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Binding and reading of values whose SQL type is not declared (parameters of {@code text()}
 * without {@code bindType}, columns of results without declared columns). Typed columns go
 * through their {@link org.jalchemy.types.SqlType} instead.
 */
final class JdbcValues {
    private JdbcValues() {
    }

    static void bindObject(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.NULL);
        } else if (v instanceof String s) {
            ps.setString(index, org.jalchemy.types.UnicodeText.requireWellFormed(s, index));
        } else if (v instanceof Integer i) {
            ps.setInt(index, i);
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else if (v instanceof Character c) {
            ps.setString(index, org.jalchemy.types.UnicodeText.requireWellFormed(c.toString(), index));
        } else {
            ps.setObject(index, v);
        }
    }

    /** Reads column {@code index} as the driver returns it, with java.sql date/time types turned into java.time. */
    static Object readObject(ResultSet rs, int index) throws SQLException {
        Object v = rs.getObject(index);
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (v instanceof java.sql.Clob c) {
            return c.getSubString(1, (int) c.length());
        }
        if (v instanceof java.sql.Blob b) {
            return b.getBytes(1, (int) b.length());
        }
        return v;
    }
}
