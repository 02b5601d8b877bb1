package org.jalchemy.cache;

import org.jalchemy.cache.internal.RowCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every value class a jalchemy type reads survives the cache's encoding; others are refused. */
class RowCodecTest {
    enum Color { RED, GREEN }

    @Test
    void valuesRoundTrip() {
        List<Object> values = Arrays.asList(null, true, false, 0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, (short) -3,
                (byte) 7, 1.5d, -2.25f, "héllo ☃", new BigDecimal("-1234.5600"), new BigInteger("123456789012345678901234"),
                new byte[]{1, 2, 3}, 'x', UUID.randomUUID(), LocalDate.of(1999, 12, 31), LocalTime.of(23, 59, 58, 999),
                LocalDateTime.of(2024, 2, 29, 12, 0, 1, 5), OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-5)),
                Instant.ofEpochSecond(-5, 7), Color.GREEN, List.of(1, "a", Map.of("k", false)), Map.of("n", 1L));
        RowCodec.Out out = new RowCodec.Out(8);
        for (Object v : values) {
            RowCodec.write(out, v);
        }
        RowCodec.In in = new RowCodec.In(out.toByteArray());
        for (Object v : values) {
            Object back = RowCodec.read(in);
            if (v instanceof byte[] b) {
                assertThat((byte[]) back).isEqualTo(b);
            } else {
                assertThat(back).isEqualTo(v);
            }
        }
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void otherClassesAreRefused() {
        assertThatThrownBy(() -> RowCodec.write(new RowCodec.Out(8), new Object()))
                .isInstanceOf(RowCodec.Unsupported.class).hasMessage("java.lang.Object");
    }
}
