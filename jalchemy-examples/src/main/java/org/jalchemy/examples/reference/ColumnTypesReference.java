package org.jalchemy.examples.reference;

import org.jalchemy.engine.Engine;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.BooleanType;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.DateType;
import org.jalchemy.types.DoubleType;
import org.jalchemy.types.FloatType;
import org.jalchemy.types.InstantType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.IntervalType;
import org.jalchemy.types.JsonType;
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.OffsetDateTimeType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TimeType;
import org.jalchemy.types.UuidAsStringType;
import org.jalchemy.types.UuidType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code @Column(type = ...)} table of docs/schema.md: one entity with a field for every type
 * class the annotation accepts, written and read back by ColumnTypesReferenceTest on every backend.
 */
public final class ColumnTypesReference {
    private ColumnTypesReference() {
    }

    // tag::column-types[]
    @Entity(table = "typed_values")
    public static class TypedValues {
        @Id @Column(type = BigIntegerType.class) public Long id;
        @Column(type = StringType.class, length = 40) public String code;        // VARCHAR(40)
        @Column(type = TextType.class) public String notes;
        @Column(type = NumericType.class, precision = 10, scale = 2) public BigDecimal price;
        @Column(type = SmallIntegerType.class) public Short rank;
        @Column(type = IntegerType.class) public Integer quantity;
        @Column(type = FloatType.class) public Float ratio;
        @Column(type = DoubleType.class) public Double weight;
        @Column(type = BooleanType.class) public Boolean active;
        @Column(type = DateType.class) public LocalDate day;
        @Column(type = TimeType.class) public LocalTime at;
        @Column(type = DateTimeType.class) public LocalDateTime created;
        @Column(type = OffsetDateTimeType.class) public OffsetDateTime stamped;
        @Column(type = InstantType.class) public Instant seen;
        @Column(type = IntervalType.class) public Duration took;
        @Column(type = LargeBinaryType.class) public byte[] blob;
        @Column(type = UuidType.class) public UUID ref;              // native uuid on PostgreSQL
        @Column(type = UuidAsStringType.class) public UUID textRef;  // CHAR(36) everywhere
        @Column(type = JsonType.class) public Map<String, Object> extra; // jsonb on PostgreSQL
    }
    // end::column-types[]

    /** A row with every field set. */
    public static TypedValues sample() {
        TypedValues v = new TypedValues();
        v.id = 1L;
        v.code = "A-1";
        v.notes = "long text";
        v.price = new BigDecimal("12.50");
        v.rank = 3;
        v.quantity = 42;
        v.ratio = 0.5f;
        v.weight = 2.25;
        v.active = true;
        v.day = LocalDate.of(2026, 11, 30);
        v.at = LocalTime.of(6, 45, 10);
        v.created = LocalDateTime.of(2026, 11, 30, 6, 45, 10);
        v.stamped = OffsetDateTime.of(2026, 11, 30, 6, 45, 10, 0, ZoneOffset.UTC);
        v.seen = Instant.parse("2026-11-30T06:45:10Z");
        v.took = Duration.ofSeconds(90);
        v.blob = new byte[]{1, 2, 3};
        v.ref = UUID.fromString("00000000-0000-0000-0000-00000000002a");
        v.textRef = UUID.fromString("00000000-0000-0000-0000-00000000002b");
        v.extra = Map.of("tags", List.of("a", "b"));
        return v;
    }

    /** Creates the table on {@code engine}, writes {@link #sample()} and reads it back in a new session. */
    public static TypedValues roundTrip(Engine engine) {
        Registry registry = Registry.of(TypedValues.class);
        registry.metadata().dropAll(engine, true);
        registry.metadata().createAll(engine);
        SessionFactory factory = SessionFactory.bind(engine);
        factory.inTransaction(s -> s.add(sample()));
        try (Session s = factory.open()) {
            return s.get(TypedValues.class, 1L).orElseThrow();
        }
    }
}
