package org.jalchemy.engine;

import java.util.Set;

/**
 * What a committed transaction wrote, as told to {@link EngineListener#afterCommit}: the tables
 * its INSERT/UPDATE/DELETE statements named (lower case, without schema), or {@code unknown} when
 * one of its writes could not be read (a {@code text()} or driver statement other than a plain
 * INSERT/UPDATE/DELETE, DDL): a listener must then assume every table changed.
 *
 * <p>Coarse by design: a statement's tables include those it only reads (a subquery in an UPDATE),
 * savepoints rolled back still count, and work done through {@link Connection#jdbc()} is not seen.
 *
 * @param tables the tables written (empty when nothing was written, or when unknown)
 * @param unknown true when some write named no table jalchemy could read
 */
public record TablesWritten(Set<String> tables, boolean unknown) {
    public TablesWritten {
        tables = Set.copyOf(tables);
    }

    /** True when nothing was written. */
    public boolean isEmpty() {
        return tables.isEmpty() && !unknown;
    }

    /** True when {@code table} (any case) may have been written. */
    public boolean touches(String table) {
        return unknown || tables.contains(table.toLowerCase(java.util.Locale.ROOT));
    }
}
