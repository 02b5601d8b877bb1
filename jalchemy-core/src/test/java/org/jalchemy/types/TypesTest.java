package org.jalchemy.types;

import org.jalchemy.dialect.Dialects;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.CompileError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.types.SqlTypes.*;

/** Database-free behaviour of the types: coercion, conversions, equality, type names. */
class TypesTest {
    enum Mood { SAD, OK }

    @Test
    void coercionWidensExactlyAndRefusesTheRest() {
        assertThat(bigInteger().coerce(5)).isEqualTo(5L);
        assertThat(smallInteger().coerce(7)).isEqualTo((short) 7);
        assertThatThrownBy(() -> smallInteger().coerce(70_000)).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("70000").hasMessageContaining("java.lang.Short");
        assertThat(doubleType().coerce(1.5f)).isEqualTo(1.5d);
        assertThat(numeric(10, 2).coerce(3)).isEqualByComparingTo(new BigDecimal("3"));
        assertThat(uuid().coerce("00000000-0000-0000-0000-000000000001")).isEqualTo(new UUID(0, 1));
        assertThatThrownBy(() -> integer().coerce("12")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("'12'").hasMessageContaining("java.lang.Integer");
    }

    @Test
    void enumsByName() {
        EnumType<Mood> t = enumOf(Mood.class);
        assertThat(t.name()).isEqualTo("mood");
        assertThat(t.values()).containsExactly("SAD", "OK");
        assertThat(t.length()).isEqualTo(3);
        assertThat(t.coerce("OK")).isEqualTo(Mood.OK);
        assertThatThrownBy(() -> t.fromName("HAPPY")).isInstanceOf(ArgumentError.class)
                .hasMessageContaining("HAPPY").hasMessageContaining("Mood").hasMessageContaining("[SAD, OK]");
    }

    @Test
    void intervalsAreMicroseconds() {
        IntervalType t = interval();
        assertThat(t.processBind(Duration.ofSeconds(-1, 999_999_999))).isEqualTo(-1L);
        assertThat(t.processResult(-1L)).isEqualTo(Duration.ofNanos(-1000));
        assertThat(t.processResult(t.processBind(Duration.ofDays(3).plusNanos(5000)))).isEqualTo(Duration.ofDays(3).plusNanos(5000));
    }

    @Test
    void equalityOfParameterisedTypes() {
        assertThat(string(10)).isEqualTo(string(10)).isNotEqualTo(string(11));
        assertThat(numeric(10, 2)).isEqualTo(new NumericType(10, 2)).isNotEqualTo(numeric(10, 3));
        assertThat(array(integer())).isEqualTo(array(integer()));
        assertThatThrownBy(() -> array(largeBinary())).isInstanceOf(ArgumentError.class).hasMessageContaining("ARRAY");
    }

    @Test
    void typeNamesComeFromTheDialectsTypeCompiler() {
        assertThat(Dialects.get("postgresql").typeCompiler().process(largeBinary())).isEqualTo("BYTEA");
        assertThat(Dialects.get("mysql").typeCompiler().process(enumOf(Mood.class))).isEqualTo("ENUM('SAD', 'OK')");
        assertThat(Dialects.get("sqlite").typeCompiler().process(enumOf(Mood.class))).isEqualTo("VARCHAR(3)");
        assertThat(Dialects.get("sqlite").typeCompiler().process(instant())).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThatThrownBy(() -> Dialects.get("mysql").typeCompiler().process(array(integer())))
                .isInstanceOf(CompileError.class).hasMessageContaining("ARRAY(IntegerType)").hasMessageContaining("mysql");
        assertThatThrownBy(() -> Dialects.get("postgresql").typeCompiler().process(NullType.INSTANCE))
                .isInstanceOf(CompileError.class).hasMessageContaining("NullType");
    }
}
