package org.jalchemy.schema;

import org.jalchemy.types.*;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.schema.RoundTrip.list;
import static org.jalchemy.schema.RoundTrip.run;
import static org.jalchemy.types.SqlTypes.*;

/** Every type's edge values written and read back on every backend. */
class TypeRoundTripTest {
    enum Color { RED, GREEN, BLUE_GREEN }

    @BackendTest
    void integers(Backend b) {
        List<Integer> ints = list(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, null);
        assertThat(run(b.engine(), "rt_int", integer(), ints)).isEqualTo(ints);
        List<Long> longs = list(Long.MIN_VALUE, 0L, Long.MAX_VALUE, null);
        assertThat(run(b.engine(), "rt_bigint", bigInteger(), longs)).isEqualTo(longs);
        List<Short> shorts = list(Short.MIN_VALUE, (short) 0, Short.MAX_VALUE, null);
        assertThat(run(b.engine(), "rt_smallint", smallInteger(), shorts)).isEqualTo(shorts);
    }

    @BackendTest
    void booleans(Backend b) {
        List<Boolean> v = list(true, false, null);
        assertThat(run(b.engine(), "rt_bool", booleanType(), v)).isEqualTo(v);
    }

    @BackendTest
    void floatingPoint(Backend b) {
        List<Double> doubles = list(0.0, -1.5, Math.PI, 1e300, -1e-300, Double.MAX_VALUE, null);
        assertThat(run(b.engine(), "rt_double", doubleType(), doubles)).isEqualTo(doubles);
        List<Float> floats = list(0.0f, -1.5f, 3.25f, 1e30f, null);
        assertThat(run(b.engine(), "rt_float", floatType(), floats)).isEqualTo(floats);
        if (b.isPostgresql()) { // SQLite turns NaN into NULL, MariaDB refuses it
            List<Double> special = list(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
            assertThat(run(b.engine(), "rt_double_nan", doubleType(), special)).isEqualTo(special);
        }
    }

    @BackendTest
    void numerics(Backend b) {
        List<BigDecimal> v = b.isSqlite() // SQLite keeps NUMERIC as a double: only exactly representable values
                ? list(new BigDecimal("1234.5"), new BigDecimal("-0.25"), BigDecimal.ZERO, null)
                : list(new BigDecimal("12345678901234.5678"), new BigDecimal("-0.0001"), new BigDecimal("99999999999999.9999"), null);
        List<BigDecimal> back = run(b.engine(), "rt_numeric", numeric(18, 4), v);
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i) == null) {
                assertThat(back.get(i)).isNull();
            } else {
                assertThat(back.get(i)).isEqualByComparingTo(v.get(i));
            }
        }
    }

    @BackendTest
    void strings(Backend b) {
        List<String> v = list("", "plain", "ñandú – 日本語 – 🎉", "it's \"quoted\" \\ back", null);
        assertThat(run(b.engine(), "rt_string", string(50), v)).isEqualTo(v);
        String large = "añ€🎉".repeat(50_000);
        List<String> t = list(large, "", null);
        assertThat(run(b.engine(), "rt_text", text(), t)).isEqualTo(t);
    }

    @BackendTest
    void binaries(Backend b) {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        byte[] big = new byte[2 * 1024 * 1024];
        new Random(42).nextBytes(big);
        List<byte[]> back = run(b.engine(), "rt_blob", largeBinary(), list(new byte[0], all, big, null));
        assertThat(back.get(0)).isEmpty();
        assertThat(back.get(1)).isEqualTo(all);
        assertThat(back.get(2)).isEqualTo(big);
        assertThat(back.get(3)).isNull();
    }

    @BackendTest
    void datesAndTimes(Backend b) {
        List<LocalDate> dates = list(LocalDate.of(1000, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31), null);
        assertThat(run(b.engine(), "rt_date", date(), dates)).isEqualTo(dates);
        List<LocalTime> times = list(LocalTime.MIDNIGHT, LocalTime.of(12, 34, 56, 123_456_000),
                LocalTime.of(23, 59, 59, 999_999_000), null);
        assertThat(run(b.engine(), "rt_time", time(), times)).isEqualTo(times);
        List<LocalDateTime> dts = list(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1000),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), LocalDateTime.of(2024, 3, 31, 2, 30),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59), null);
        assertThat(run(b.engine(), "rt_datetime", dateTime(), dts)).isEqualTo(dts);
    }

    @BackendTest
    void storageForm(Backend b) {
        var d = b.engine().dialect();
        var stored = new java.util.ArrayList<Object>();
        org.jalchemy.schema.MetaData md = new org.jalchemy.schema.MetaData();
        org.jalchemy.schema.Table t = new org.jalchemy.schema.Table("rt_storage", md);
        t.column("ts", dateTime());
        t.column("u", uuid());
        md.dropAll(b.engine());
        md.createAll(b.engine());
        var insert = new org.jalchemy.sql.Compiled("INSERT INTO rt_storage (ts, u) VALUES (?, ?)",
                new org.jalchemy.sql.Compiled.BindSlot[]{
                        org.jalchemy.sql.Compiled.BindSlot.named("ts", d.typeImpl(dateTime())),
                        org.jalchemy.sql.Compiled.BindSlot.named("u", d.typeImpl(uuid()))},
                new org.jalchemy.sql.Compiled.ResultColumn[0], d, false);
        try (var c = b.engine().connect()) {
            c.executeCompiled(insert, new Object[]{LocalDateTime.of(2024, 2, 29, 23, 59, 59, 1000), new UUID(0, 1)});
            var row = c.execute(org.jalchemy.sql.Sql.text("SELECT ts, u FROM rt_storage")).one();
            stored.add(row.get(0));
            stored.add(row.get(1));
            c.rollback();
        }
        md.dropAll(b.engine());
        if (b.isSqlite()) { // ISO text, as SQLAlchemy stores it
            assertThat(stored).containsExactly("2024-02-29 23:59:59.000001", "00000000-0000-0000-0000-000000000001");
        } else if (b.isPostgresql()) { // native types
            assertThat(stored).containsExactly(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 1000), new UUID(0, 1));
        } else {
            assertThat(stored).containsExactly(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 1000),
                    "00000000-0000-0000-0000-000000000001");
        }
    }

    @BackendTest
    void zoneAwareTimestamps(Backend b) {
        List<OffsetDateTime> v = list(OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(-8)),
                OffsetDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneOffset.UTC), null);
        List<OffsetDateTime> back = run(b.engine(), "rt_tstz", dateTimeTz(), v);
        for (int i = 0; i < 3; i++) {
            assertThat(back.get(i).isEqual(v.get(i))).as("%s vs %s", back.get(i), v.get(i)).isTrue();
        }
        assertThat(back.get(3)).isNull();
        List<Instant> instants = list(Instant.EPOCH, Instant.parse("2024-01-01T00:00:00.000001Z"),
                Instant.parse("2038-01-19T03:14:08Z"), null);
        assertThat(run(b.engine(), "rt_instant", instant(), instants)).isEqualTo(instants);
    }

    @BackendTest
    void intervals(Backend b) {
        List<Duration> v = list(Duration.ZERO, Duration.ofDays(400).plusNanos(1000), Duration.ofMinutes(-90),
                Duration.ofSeconds(86_399, 999_999_000), null);
        assertThat(run(b.engine(), "rt_interval", interval(), v)).isEqualTo(v);
    }

    @BackendTest
    void uuids(Backend b) {
        List<UUID> v = list(UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1), null);
        assertThat(run(b.engine(), "rt_uuid", uuid(), v)).isEqualTo(v);
    }

    @BackendTest
    void enums(Backend b) {
        List<Color> v = list(Color.RED, Color.BLUE_GREEN, Color.GREEN, null);
        assertThat(run(b.engine(), "rt_enum", new EnumType<>(Color.class, "rt_color"), v)).isEqualTo(v);
    }

    record Address(String street, int number, List<String> tags) {
    }

    @BackendTest
    void jsonDocuments(Backend b) {
        List<Address> v = list(new Address("Calle Mayor ñ \"1\"", 7, List.of("home", "🎉")), new Address("", 0, List.of()), null);
        assertThat(run(b.engine(), "rt_json", json(Address.class), v)).isEqualTo(v);
        List<Object> any = list(java.util.Map.of("a", 1, "b", List.of(true, "x")), List.of(1, 2), "text", 12, null);
        assertThat(run(b.engine(), "rt_json_any", json(Object.class), any)).isEqualTo(any);
    }

    @BackendTest
    void postgresqlArrays(Backend b) {
        org.junit.jupiter.api.Assumptions.assumeTrue(b.isPostgresql(), "ARRAY exists only on PostgreSQL");
        List<List<Integer>> ints = list(List.of(1, Integer.MAX_VALUE, Integer.MIN_VALUE), List.of(), java.util.Arrays.asList(1, null), null);
        assertThat(run(b.engine(), "rt_int_array", array(integer()), ints)).isEqualTo(ints);
        List<List<String>> strs = list(List.of("a", "ñ, \"q\"", ""), null);
        assertThat(run(b.engine(), "rt_text_array", array(text()), strs)).isEqualTo(strs);
        List<List<UUID>> uuids = list(List.of(new UUID(1, 2)));
        assertThat(run(b.engine(), "rt_uuid_array", array(uuid()), uuids)).isEqualTo(uuids);
    }

    /** Money in cents: a user type mapped onto BIGINT. */
    record Money(long cents) {
    }

    static final class MoneyType extends TypeDecorator<Money, Long> {
        MoneyType() {
            super(BigIntegerType.INSTANCE);
        }

        @Override
        public Class<Money> javaType() {
            return Money.class;
        }

        @Override
        protected Long processBind(Money value) {
            return value.cents();
        }

        @Override
        protected Money processResult(Long value) {
            return new Money(value);
        }
    }

    /** A decorator over UUID: the dialect's UUID storage is substituted under the user's conversion. */
    static final class IdType extends TypeDecorator<String, UUID> {
        IdType() {
            super(UuidType.INSTANCE);
        }

        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        protected UUID processBind(String value) {
            return UUID.fromString(value);
        }

        @Override
        protected String processResult(UUID value) {
            return value.toString();
        }
    }

    @BackendTest
    void typeDecorators(Backend b) {
        List<Money> m = list(new Money(Long.MIN_VALUE), new Money(1999), null);
        assertThat(run(b.engine(), "rt_money", new MoneyType(), m)).isEqualTo(m);
        List<String> ids = list("123e4567-e89b-12d3-a456-426614174000", null);
        assertThat(run(b.engine(), "rt_ids", new IdType(), ids)).isEqualTo(ids);
    }
}
