package org.jalchemy.types;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * TIMESTAMP WITH TIME ZONE ↔ {@link Instant}: an {@link OffsetDateTimeType} read back as the
 * instant it denotes. Stored in UTC where the database has no zone-aware type.
 */
public final class InstantType extends TypeDecorator<Instant, OffsetDateTime> {
    public static final InstantType INSTANCE = new InstantType();

    private InstantType() {
        super(OffsetDateTimeType.INSTANCE);
    }

    @Override
    public Class<Instant> javaType() {
        return Instant.class;
    }

    @Override
    protected OffsetDateTime processBind(Instant value) {
        return value.atOffset(ZoneOffset.UTC);
    }

    @Override
    protected Instant processResult(OffsetDateTime value) {
        return value.toInstant();
    }
}
