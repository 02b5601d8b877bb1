package org.jalchemy.engine;

/**
 * How SQLite begins a transaction ({@code BEGIN DEFERRED | IMMEDIATE | EXCLUSIVE}), the engine
 * option {@code transactionMode}. Other databases take row locks as statements need them and have
 * no such choice; an engine for them accepts only the default.
 *
 * <ul>
 *   <li>{@link #DEFERRED} (SQLite's default): no lock until the first read, the write lock at the
 *       first write. Two transactions that both read and then write deadlock on the upgrade, and
 *       SQLite fails one of them at once with {@code SQLITE_BUSY} — the busy timeout does not
 *       help there. Fine for one writer.</li>
 *   <li>{@link #IMMEDIATE}: the write lock at BEGIN, waiting up to the busy timeout
 *       ({@code lockTimeout}) for it. Concurrent writers queue instead of failing; read-only
 *       transactions take the write lock too, so use a separate engine for readers when they
 *       must not wait.</li>
 *   <li>{@link #EXCLUSIVE}: as IMMEDIATE, and other connections cannot even read (except in WAL
 *       mode).</li>
 * </ul>
 */
public enum TransactionMode {
    DEFERRED, IMMEDIATE, EXCLUSIVE
}
