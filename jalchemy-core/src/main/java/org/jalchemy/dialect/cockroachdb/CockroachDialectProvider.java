package org.jalchemy.dialect.cockroachdb;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DialectProvider;

import java.util.Set;

/** Registers {@link CockroachDialect} for {@code cockroachdb://} (and {@code cockroach://}) URLs. */
public final class CockroachDialectProvider implements DialectProvider {
    @Override
    public Set<String> names() {
        return Set.of("cockroachdb", "cockroach");
    }

    @Override
    public Dialect create(String backendName) {
        return new CockroachDialect();
    }
}
