package org.jalchemy.dialect.mssql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DialectProvider;

import java.util.Set;

/** Registers {@link MssqlDialect} for {@code mssql://} URLs. */
public final class MssqlDialectProvider implements DialectProvider {
    @Override
    public Set<String> names() {
        return Set.of("mssql");
    }

    @Override
    public Dialect create(String backendName) {
        return new MssqlDialect();
    }
}
