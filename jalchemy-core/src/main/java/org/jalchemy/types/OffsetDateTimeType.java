package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * TIMESTAMP WITH TIME ZONE ↔ {@link OffsetDateTime} ({@code DateTime(timezone=True)}). The instant
 * is preserved everywhere; the original offset is not: values come back at offset UTC (MySQL
 * stores UTC in a DATETIME(6), SQLite UTC ISO text).
 * Compare values with {@link OffsetDateTime#isEqual}.
 */
public final class OffsetDateTimeType extends SqlType<OffsetDateTime> {
    public static final OffsetDateTimeType INSTANCE = new OffsetDateTimeType();

    private OffsetDateTimeType() {
    }

    @Override
    public Class<OffsetDateTime> javaType() {
        return OffsetDateTime.class;
    }

    @Override
    public int jdbcType() {
        return Types.TIMESTAMP_WITH_TIMEZONE;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, OffsetDateTime value) throws SQLException {
        ps.setObject(index, value);
    }

    @Override
    public OffsetDateTime read(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, OffsetDateTime.class);
    }
}
