package org.jalchemy.types;

import java.time.Duration;

/**
 * A time span ↔ {@link Duration}, microsecond precision. Native INTERVAL on PostgreSQL (the dialect
 * substitutes its own implementation); elsewhere a BIGINT count of microseconds, which is also what
 * reflection reports there. Sub-microsecond parts are truncated.
 */
public final class IntervalType extends TypeDecorator<Duration, Long> {
    public static final IntervalType INSTANCE = new IntervalType();

    private IntervalType() {
        super(BigIntegerType.INSTANCE);
    }

    @Override
    public Class<Duration> javaType() {
        return Duration.class;
    }

    @Override
    protected Long processBind(Duration value) {
        return Math.addExact(Math.multiplyExact(value.getSeconds(), 1_000_000L), value.getNano() / 1000);
    }

    @Override
    protected Duration processResult(Long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    @Override
    public String toString() {
        return "Interval";
    }
}
