package org.jalchemy.dialect.postgresql;

import org.jalchemy.types.SqlType;
import org.postgresql.util.PGInterval;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;

/**
 * Native INTERVAL ↔ {@link Duration} on PostgreSQL. Bound as a seconds literal with microseconds;
 * read through pgjdbc's PGInterval. Hazard: intervals with months or years (written by other
 * clients) are read with a month as 30 days, as {@code Duration} has no calendar units.
 */
final class PgIntervalType extends SqlType<Duration> {
    static final PgIntervalType INSTANCE = new PgIntervalType();

    @Override
    public Class<Duration> javaType() {
        return Duration.class;
    }

    @Override
    public int jdbcType() {
        return Types.OTHER;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, Duration value) throws SQLException {
        long micros = Math.addExact(Math.multiplyExact(value.getSeconds(), 1_000_000L), value.getNano() / 1000);
        long abs = Math.abs(micros);
        String s = (micros < 0 ? "-" : "") + (abs / 1_000_000L) + "." + String.format("%06d", abs % 1_000_000L)
                + " seconds";
        ps.setObject(index, s, Types.OTHER);
    }

    @Override
    public Duration read(ResultSet rs, int index) throws SQLException {
        Object o = rs.getObject(index);
        if (o == null) {
            return null;
        }
        PGInterval i = o instanceof PGInterval p ? p : new PGInterval(o.toString());
        long days = (i.getYears() * 12L + i.getMonths()) * 30L + i.getDays();
        long seconds = days * 86_400L + i.getHours() * 3_600L + i.getMinutes() * 60L + i.getWholeSeconds();
        return Duration.ofSeconds(seconds).plusNanos(i.getMicroSeconds() * 1000L);
    }

    @Override
    public String toString() {
        return "Interval";
    }
}
