package org.jalchemy.dialect.mysql;

import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.TypeDecorator;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** OffsetDateTime on MySQL/MariaDB: normalised to UTC into a DATETIME(6), read back at offset UTC. */
final class UtcDateTimeType extends TypeDecorator<OffsetDateTime, LocalDateTime> {
    static final UtcDateTimeType INSTANCE = new UtcDateTimeType();

    private UtcDateTimeType() {
        super(DateTimeType.INSTANCE);
    }

    @Override
    public Class<OffsetDateTime> javaType() {
        return OffsetDateTime.class;
    }

    @Override
    protected LocalDateTime processBind(OffsetDateTime value) {
        return value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    @Override
    protected OffsetDateTime processResult(LocalDateTime value) {
        return value.atOffset(ZoneOffset.UTC);
    }
}
