package org.jalchemy.dialect.mysql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DialectProvider;

import java.util.Set;

/** Registers {@link MySqlDialect} for {@code mysql://} and {@code mariadb://} URLs. */
public final class MySqlDialectProvider implements DialectProvider {
    @Override
    public Set<String> names() {
        return Set.of("mysql", "mariadb");
    }

    @Override
    public Dialect create(String backendName) {
        return new MySqlDialect(backendName);
    }
}
