package org.jalchemy.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The in-process backend: one Caffeine cache per region (bounded by the region's
 * {@code maxEntries}, entries expiring {@code ttl} after they were written) and the table
 * counters in a map. Only this process sees it: commits of other processes do not invalidate it,
 * so use it for data only this process writes, or with a short ttl, or use {@link RedisBackend}.
 * Never fails; thread-safe.
 */
public final class CaffeineBackend implements CacheBackend {
    private final ConcurrentHashMap<String, Cache<String, byte[]>> regions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final LongAdder evictions = new LongAdder();

    public static CaffeineBackend create() {
        return new CaffeineBackend();
    }

    private Cache<String, byte[]> cache(Region region) {
        Cache<String, byte[]> c = regions.get(region.name());
        if (c != null) {
            return c;
        }
        return regions.computeIfAbsent(region.name(), n -> Caffeine.newBuilder()
                .maximumSize(region.maxEntries())
                .expireAfterWrite(region.ttl())
                .<String, byte[]>removalListener((k, v, cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        evictions.increment();
                    }
                })
                .build());
    }

    @Override
    public Lookup lookup(Region region, String key, List<String> names) {
        long[] v = new long[names.size()];
        for (int i = 0; i < v.length; i++) {
            AtomicLong c = counters.get(names.get(i));
            v[i] = c == null ? 0 : c.get();
        }
        return new Lookup(v, cache(region).getIfPresent(key));
    }

    @Override
    public void put(Region region, String key, byte[] value) {
        cache(region).put(key, value);
    }

    @Override
    public void increment(Collection<String> names) {
        for (String n : names) {
            counters.computeIfAbsent(n, x -> new AtomicLong()).incrementAndGet();
        }
    }

    @Override
    public void initialize(String counter, long value) {
        counters.putIfAbsent(counter, new AtomicLong(value));
    }

    @Override
    public long evictions() {
        regions.values().forEach(Cache::cleanUp);
        return evictions.sum();
    }

    @Override
    public String name() {
        return "caffeine";
    }

    @Override
    public void close() {
        regions.values().forEach(Cache::invalidateAll);
    }
}
