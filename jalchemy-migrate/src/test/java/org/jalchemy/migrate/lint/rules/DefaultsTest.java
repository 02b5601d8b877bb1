package org.jalchemy.migrate.lint.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.migrate.lint.rules.Defaults.Kind.LITERAL;
import static org.jalchemy.migrate.lint.rules.Defaults.Kind.STABLE;
import static org.jalchemy.migrate.lint.rules.Defaults.Kind.UNKNOWN;
import static org.jalchemy.migrate.lint.rules.Defaults.Kind.VOLATILE;

/** How defaults are read; {@code DefaultVolatilityTest} checks the consequences on live servers. */
class DefaultsTest {
    @Test
    void literals() {
        assertThat(Defaults.classify("0")).isEqualTo(LITERAL);
        assertThat(Defaults.classify("-1.5e3")).isEqualTo(LITERAL);
        assertThat(Defaults.classify("'draft'")).isEqualTo(LITERAL);
        assertThat(Defaults.classify("'it''s'::character varying(20)")).isEqualTo(LITERAL);
        assertThat(Defaults.classify("NULL")).isEqualTo(LITERAL);
        assertThat(Defaults.classify("false")).isEqualTo(LITERAL);
        assertThat(Defaults.classify("'{}'::jsonb")).isEqualTo(LITERAL);
    }

    @Test
    void stableExpressions() {
        assertThat(Defaults.classify("now()")).isEqualTo(STABLE);
        assertThat(Defaults.classify("CURRENT_TIMESTAMP")).isEqualTo(STABLE);
        assertThat(Defaults.classify("(1 + 1)")).isEqualTo(STABLE);
        assertThat(Defaults.classify("lower('X')")).isEqualTo(STABLE);
        assertThat(Defaults.classify("pg_catalog.now()")).isEqualTo(STABLE);
        assertThat(Defaults.classify("'random()'")).isEqualTo(LITERAL);
    }

    @Test
    void volatileAndUnknownFunctions() {
        assertThat(Defaults.classify("random()")).isEqualTo(VOLATILE);
        assertThat(Defaults.classify("GEN_RANDOM_UUID()")).isEqualTo(VOLATILE);
        assertThat(Defaults.classify("nextval('t_id_seq'::regclass)")).isEqualTo(VOLATILE);
        assertThat(Defaults.classify("(uuid())")).isEqualTo(VOLATILE);
        assertThat(Defaults.classify("floor(random() * 10)")).isEqualTo(VOLATILE);
        assertThat(Defaults.classify("my_fn()")).isEqualTo(UNKNOWN);
        assertThat(Defaults.firstDoubtful("lower(my_fn())")).isEqualTo("my_fn()");
    }
}
