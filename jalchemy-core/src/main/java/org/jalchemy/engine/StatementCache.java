package org.jalchemy.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept open on one physical connection, keyed by SQL text, so a statement
 * shape is prepared once per connection rather than once per execution (what a plain JDBC loop
 * does by reusing its PreparedStatement). It matters most for drivers without their own cache
 * (sqlite-jdbc compiles SQL on every {@code prepareStatement}).
 *
 * <p>Invariants and hazards: a physical connection is used by one thread at a time (the pool
 * guarantees it), so an instance needs no locking; only {@link Registry} is shared. A cached
 * statement is lent to one execution at a time ({@code busy}); a second concurrent use of the same
 * SQL on the same connection (iterating a result while running the same query again) gets a fresh
 * statement that is closed after use. Statements are created on the physical connection, not on
 * the pool's proxy, so the pool does not close them at check-in; they close with the physical
 * connection, or when evicted (least recently used beyond {@link #CAPACITY}).
 */
final class StatementCache {
    static final int CAPACITY = 64;

    private final java.sql.Connection physical;
    /** When the physical connection was opened ({@link System#nanoTime()}), or {@link #UNKNOWN}. */
    private final long connectedNanos;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final IdentityHashMap<PreparedStatement, Entry> byStatement = new IdentityHashMap<>();

    private static final class Entry {
        final String sql;
        final PreparedStatement ps;
        boolean busy;

        Entry(String sql, PreparedStatement ps) {
            this.sql = sql;
            this.ps = ps;
        }
    }

    /** {@link #connectedNanos()} of a connection the registry did not see being opened. */
    static final long UNKNOWN = Long.MIN_VALUE;

    StatementCache(java.sql.Connection physical, long connectedNanos) {
        this.physical = physical;
        this.connectedNanos = connectedNanos;
    }

    /** When the physical connection was opened ({@code System.nanoTime()}), or {@link #UNKNOWN}. */
    long connectedNanos() {
        return connectedNanos;
    }

    /** A statement for {@code sql} lent to the caller, or null when the cached one is in use. */
    PreparedStatement acquire(String sql) throws SQLException {
        Entry e = entries.get(sql);
        if (e != null) {
            if (e.busy) {
                return null;
            }
            if (e.ps.isClosed()) {
                drop(e);
            } else {
                e.busy = true;
                return e.ps;
            }
        }
        PreparedStatement ps = physical.prepareStatement(sql);
        Entry fresh = new Entry(sql, ps);
        fresh.busy = true;
        entries.put(sql, fresh);
        byStatement.put(ps, fresh);
        if (entries.size() > CAPACITY) {
            Iterator<Entry> it = entries.values().iterator();
            while (it.hasNext() && entries.size() > CAPACITY) {
                Entry old = it.next();
                if (!old.busy) {
                    it.remove();
                    byStatement.remove(old.ps);
                    closeQuietly(old.ps);
                }
            }
        }
        return ps;
    }

    /** Takes back a statement; returns false when it is not one of this cache's (the caller closes it). */
    boolean release(PreparedStatement ps) {
        Entry e = byStatement.get(ps);
        if (e == null) {
            return false;
        }
        e.busy = false;
        return true;
    }

    /** True when {@code ps} is one of this cache's statements. */
    boolean isCached(PreparedStatement ps) {
        return byStatement.containsKey(ps);
    }

    /** Forgets and closes a statement after a failure, so the next use prepares afresh. */
    boolean discard(PreparedStatement ps) {
        Entry e = byStatement.get(ps);
        if (e == null) {
            return false;
        }
        drop(e);
        return true;
    }

    /**
     * Closes and forgets every statement not lent out now. Run before the rollback that follows a
     * {@link Connection#cancel()}: SQLite keeps an interrupt pending until no statement of the
     * connection is active, and sqlite-jdbc leaves a statement that ran to its end active until its
     * next use, so a cached INSERT would make the ROLLBACK itself fail as interrupted.
     */
    void closeIdle() {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (!e.busy) {
                it.remove();
                byStatement.remove(e.ps);
                closeQuietly(e.ps);
            }
        }
    }

    private void drop(Entry e) {
        entries.remove(e.sql);
        byStatement.remove(e.ps);
        closeQuietly(e.ps);
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the connection may be gone already
        }
    }

    /**
     * The caches of one engine, one per physical connection, which also remember when each
     * connection was opened (for pre-ping and pool invalidation). Lookups happen once per
     * checkout. Closed connections (evicted by the pool) are swept out when a new one registers.
     */
    static final class Registry {
        private final Map<java.sql.Connection, StatementCache> caches = new IdentityHashMap<>();

        /** Records a physical connection just opened. */
        synchronized void register(java.sql.Connection physical) {
            caches.values().removeIf(StatementCache::isClosed);
            caches.put(physical, new StatementCache(physical, System.nanoTime()));
        }

        synchronized StatementCache forConnection(java.sql.Connection physical) {
            StatementCache c = caches.get(physical);
            if (c == null) {
                caches.values().removeIf(StatementCache::isClosed);
                c = new StatementCache(physical, UNKNOWN);
                caches.put(physical, c);
            }
            return c;
        }

        synchronized void clear() {
            caches.clear();
        }
    }

    private boolean isClosed() {
        try {
            return physical.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
