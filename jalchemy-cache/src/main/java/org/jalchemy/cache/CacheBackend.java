package org.jalchemy.cache;

import java.util.Collection;
import java.util.List;

/**
 * Where a {@link Region} keeps its entries and where the table version counters live: the small
 * interface a user implements to put the cache elsewhere. jalchemy ships {@link CaffeineBackend}
 * (in process) and {@link RedisBackend} (shared between processes).
 *
 * <p>Contract: counters start at 0 and only grow; {@link #increment} must be visible to every
 * later {@link #lookup} of every process sharing the backend once it returns. {@link #lookup}
 * reads the counters and the entry together (one round trip where the store allows). Any method
 * may throw: the cache then goes to the database, logs one WARN per outage, and tries the backend
 * again after its retry interval. Implementations must be thread-safe.
 */
public interface CacheBackend extends AutoCloseable {

    /** The current value of each counter (0 when absent) and the entry stored under {@code key} (null when none). */
    Lookup lookup(Region region, String key, List<String> counters);

    /** Stores an entry for {@code region.ttl()}, replacing any entry under {@code key}. */
    void put(Region region, String key, byte[] value);

    /** Adds one to each counter (creating it at 1). */
    void increment(Collection<String> counters);

    /** Sets a counter to {@code value} unless it exists (the store's generation: see {@link QueryCache}). */
    void initialize(String counter, long value);

    /** Entries dropped to respect {@code maxEntries} so far (0 when the store does not say). */
    default long evictions() {
        return 0;
    }

    /** A short name for logs and metrics tags ({@code caffeine}, {@code redis}). */
    String name();

    @Override
    default void close() {
    }

    /**
     * The counters' values, in the order asked, and the stored entry or null.
     *
     * @param versions one per counter
     * @param value    the entry's bytes, or null on a miss
     */
    record Lookup(long[] versions, byte[] value) {
    }
}
