package org.jalchemy.cache;

import org.jalchemy.exc.ArgumentError;

import java.time.Duration;

/**
 * A cache region: where results go ({@link CacheBackend}), how long they live ({@code ttl}), how
 * many a process keeps ({@code maxEntries}: the in-process backend's bound; Redis evicts by its
 * own {@code maxmemory} policy) and the largest result worth storing ({@code maxRows}; bigger
 * results are served from the database and not stored). Immutable.
 */
public record Region(String name, CacheBackend backend, Duration ttl, long maxEntries, int maxRows) {
    public Region {
        if (name == null || name.isBlank()) {
            throw new ArgumentError("a cache region needs a name");
        }
        if (backend == null) {
            throw new ArgumentError("cache region '" + name + "' needs a backend (CaffeineBackend or RedisBackend)");
        }
        if (ttl == null || ttl.isZero() || ttl.isNegative()) {
            throw new ArgumentError("cache region '" + name + "': ttl must be positive, got " + ttl);
        }
        if (maxEntries <= 0 || maxRows <= 0) {
            throw new ArgumentError("cache region '" + name + "': maxEntries and maxRows must be positive");
        }
    }

    /** A region with ttl 5 minutes, 10,000 entries, results of up to 1,000 rows. */
    public static Region of(String name, CacheBackend backend) {
        return new Region(name, backend, Duration.ofMinutes(5), 10_000, 1_000);
    }

    public Region ttl(Duration v) {
        return new Region(name, backend, v, maxEntries, maxRows);
    }

    public Region maxEntries(long v) {
        return new Region(name, backend, ttl, v, maxRows);
    }

    public Region maxRows(int v) {
        return new Region(name, backend, ttl, maxEntries, v);
    }
}
