package org.jalchemy.migrate.lint.rules;

import org.jalchemy.migrate.lint.LintTarget;
import org.jalchemy.types.SqlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.lint.rules.TypeChanges.Cost.CONDITIONAL;
import static org.jalchemy.migrate.lint.rules.TypeChanges.Cost.METADATA;
import static org.jalchemy.migrate.lint.rules.TypeChanges.Cost.NONE;
import static org.jalchemy.migrate.lint.rules.TypeChanges.Cost.REWRITE;
import static org.jalchemy.migrate.lint.rules.TypeChanges.Cost.UNKNOWN;
import static org.jalchemy.types.SqlTypes.bigInteger;
import static org.jalchemy.types.SqlTypes.dateTime;
import static org.jalchemy.types.SqlTypes.dateTimeTz;
import static org.jalchemy.types.SqlTypes.instant;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.numeric;
import static org.jalchemy.types.SqlTypes.string;
import static org.jalchemy.types.SqlTypes.text;

/** The offline table of type-change costs; {@code TypeChangeCostTest} checks the same table against live servers. */
class TypeChangesTest {
    private static TypeChanges.Cost cost(String dialect, SqlType<?> from, SqlType<?> to) {
        return TypeChanges.classify(LintTarget.of(dialect, Integer.MAX_VALUE), from, to, null, "c").cost();
    }

    @Test
    void postgresql() {
        assertThat(cost("postgresql", string(10), string(20))).isEqualTo(METADATA);
        assertThat(cost("postgresql", string(20), string(10))).isEqualTo(REWRITE);
        assertThat(cost("postgresql", string(20), string())).isEqualTo(METADATA);
        assertThat(cost("postgresql", string(), string(20))).isEqualTo(REWRITE);
        assertThat(cost("postgresql", string(20), text())).isEqualTo(METADATA);
        assertThat(cost("postgresql", text(), string())).isEqualTo(METADATA);
        assertThat(cost("postgresql", text(), string(30))).isEqualTo(REWRITE);
        assertThat(cost("postgresql", numeric(10, 2), numeric(12, 2))).isEqualTo(METADATA);
        assertThat(cost("postgresql", numeric(10, 2), numeric())).isEqualTo(METADATA);
        assertThat(cost("postgresql", numeric(12, 2), numeric(12, 3))).isEqualTo(REWRITE);
        assertThat(cost("postgresql", integer(), bigInteger())).isEqualTo(REWRITE);
        assertThat(cost("postgresql", dateTime(), dateTimeTz())).isEqualTo(CONDITIONAL);
        assertThat(cost("postgresql", dateTimeTz(), instant())).isEqualTo(NONE);
        assertThat(cost("postgresql", integer(), integer())).isEqualTo(NONE);
        assertThat(cost("postgresql", null, integer())).isEqualTo(UNKNOWN);
    }

    @Test
    void mysqlAndMariadbVarcharGrowthDependsOnTheLengthPrefixForEveryCharacterSet() {
        assertThat(cost("mysql", string(10), string(63))).isEqualTo(METADATA);      // <= 252 bytes even in utf8mb4
        assertThat(cost("mysql", string(10), string(64))).isEqualTo(REWRITE);       // 256 bytes in utf8mb4
        assertThat(cost("mariadb", string(10), string(64))).isEqualTo(METADATA);    // MariaDB: old <= 127 bytes
        assertThat(cost("mariadb", string(60), string(100))).isEqualTo(REWRITE);    // 240 -> 400 bytes
        assertThat(cost("mariadb", string(100), string(300))).isEqualTo(REWRITE);   // latin1: 100 -> 300 bytes
        assertThat(cost("mariadb", string(300), string(500))).isEqualTo(METADATA);
        assertThat(cost("mariadb", string(100), string(50))).isEqualTo(REWRITE);
        assertThat(cost("mariadb", integer(), bigInteger())).isEqualTo(REWRITE);
        assertThat(cost("mariadb", numeric(10, 2), numeric(12, 2))).isEqualTo(REWRITE);
    }

    @Test
    void lengthPrefixArithmetic() {
        assertThat(TypeChanges.varcharGrowthInPlace(255, 255, false)).isTrue();
        assertThat(TypeChanges.varcharGrowthInPlace(255, 256, false)).isFalse();
        assertThat(TypeChanges.varcharGrowthInPlace(127, 256, true)).isTrue();
        assertThat(TypeChanges.varcharGrowthInPlace(128, 256, true)).isFalse();
        assertThat(TypeChanges.varcharGrowthInPlace(256, 4000, false)).isTrue();
    }

    @Test
    void plainCastsOfTheColumnAreRecognised() {
        assertThat(TypeChanges.isPlainCast("c::text", "c")).isTrue();
        assertThat(TypeChanges.isPlainCast("\"c\"::varchar(20)", "c")).isTrue();
        assertThat(TypeChanges.isPlainCast("CAST(c AS numeric(12, 2))", "c")).isTrue();
        assertThat(TypeChanges.isPlainCast("c::int + 1", "c")).isFalse();
        assertThat(TypeChanges.isPlainCast("d::text", "c")).isFalse();
    }
}
