package org.jalchemy.dialect.yugabytedb;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DialectProvider;

import java.util.Set;

/** Registers {@link YugabyteDialect} for {@code yugabytedb://} (and {@code yugabyte://}) URLs. */
public final class YugabyteDialectProvider implements DialectProvider {
    @Override
    public Set<String> names() {
        return Set.of("yugabytedb", "yugabyte");
    }

    @Override
    public Dialect create(String backendName) {
        return new YugabyteDialect();
    }
}
