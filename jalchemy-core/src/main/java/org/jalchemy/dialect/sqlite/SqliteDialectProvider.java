package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DialectProvider;

import java.util.Set;

/** Registers {@link SqliteDialect} for {@code sqlite://} URLs. */
public final class SqliteDialectProvider implements DialectProvider {
    @Override
    public Set<String> names() {
        return Set.of("sqlite");
    }

    @Override
    public Dialect create(String backendName) {
        return new SqliteDialect();
    }
}
