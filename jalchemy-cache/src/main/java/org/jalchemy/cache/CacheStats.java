package org.jalchemy.cache;

/**
 * Counters of one region since the cache was installed (or of all regions, from
 * {@link QueryCache#stats()}).
 *
 * @param hits          results served from the cache
 * @param misses        results read from the database (absent, outdated, or the backend unavailable)
 * @param puts          results stored
 * @param errors        backend calls that failed (each one sent its query to the database)
 * @param invalidations table counters incremented by commits
 * @param evictions     entries the backend dropped to respect {@code maxEntries}
 */
public record CacheStats(long hits, long misses, long puts, long errors, long invalidations, long evictions) {
}
