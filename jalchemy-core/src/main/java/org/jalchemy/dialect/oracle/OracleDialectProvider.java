package org.jalchemy.dialect.oracle;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DialectProvider;

import java.util.Set;

/** Registers {@link OracleDialect} for {@code oracle://} URLs. */
public final class OracleDialectProvider implements DialectProvider {
    @Override
    public Set<String> names() {
        return Set.of("oracle");
    }

    @Override
    public Dialect create(String backendName) {
        return new OracleDialect();
    }
}
