package org.jalchemy.examples.reference;

import org.jalchemy.examples.reference.ColumnTypesReference.TypedValues;
import org.jalchemy.orm.Registry;
import org.jalchemy.schema.CreateTable;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every type class of docs/schema.md's {@code @Column(type = ...)} table, written and read back on every backend. */
class ColumnTypesReferenceTest {

    @BackendTest
    void everyColumnTypeClassRoundTrips(Backend backend) {
        TypedValues back = ColumnTypesReference.roundTrip(backend.engine());
        assertThat(back).usingRecursiveComparison()
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                .isEqualTo(ColumnTypesReference.sample());
        String ddl = new CreateTable(Registry.of(TypedValues.class).metadata().table("typed_values"))
                .compile(backend.engine().dialect()).sql();
        assertThat(ddl).contains("VARCHAR(40)").contains("NUMERIC(10, 2)");
        if (backend.isPostgresql()) {
            assertThat(ddl).contains("UUID").contains("JSONB");
        }
    }
}
