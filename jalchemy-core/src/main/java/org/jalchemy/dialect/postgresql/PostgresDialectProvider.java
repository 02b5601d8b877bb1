package org.jalchemy.dialect.postgresql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DialectProvider;

import java.util.Set;

/** Registers {@link PostgresDialect} for {@code postgresql://} (and {@code postgres://}) URLs. */
public final class PostgresDialectProvider implements DialectProvider {
    @Override
    public Set<String> names() {
        return Set.of("postgresql", "postgres");
    }

    @Override
    public Dialect create(String backendName) {
        return new PostgresDialect();
    }
}
