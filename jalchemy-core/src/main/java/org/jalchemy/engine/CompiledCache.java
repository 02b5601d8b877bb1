package org.jalchemy.engine;

import org.jalchemy.sql.Compiled;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's compiled-statement cache (SQLAlchemy's compiled cache): maps a statement's
 * structural cache key to its {@link Compiled} form for this engine's dialect, so a statement
 * shape is compiled once and later executions only bind values.
 *
 * <p>Bounded: when it reaches its capacity the least recently inserted half is dropped (cheap,
 * lock-free reads; a hot shape that gets dropped is simply compiled again). Hits and misses are
 * counted for {@link #stats()}.
 */
public final class CompiledCache {
    private final int capacity;
    private final ConcurrentHashMap<Object, Entry> map = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** A cached entry: the compiled form and when it was made (for echo's "cached since"). */
    public record Entry(Compiled compiled, long createdNanos) {
    }

    /** Hit/miss counters and current size. */
    public record Stats(long hits, long misses, int size, int capacity) {
    }

    CompiledCache(int capacity) {
        this.capacity = capacity;
    }

    Entry get(Object key) {
        if (key == null || capacity == 0) {
            return null;
        }
        Entry e = map.get(key);
        if (e != null) {
            hits.increment();
        }
        return e;
    }

    /** Counts a hit served without a lookup (a connection's memo of its last statement). */
    void countHit() {
        if (capacity > 0) {
            hits.increment();
        }
    }

    boolean enabled() {
        return capacity > 0;
    }

    Entry put(Object key, Compiled compiled) {
        misses.increment();
        Entry e = new Entry(compiled, System.nanoTime());
        if (key == null || capacity == 0) {
            return e;
        }
        if (map.size() >= capacity) {
            evictHalf();
        }
        map.put(key, e);
        return e;
    }

    private synchronized void evictHalf() {
        if (map.size() < capacity) {
            return;
        }
        Map<Object, Long> order = new LinkedHashMap<>();
        map.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a.createdNanos, b.createdNanos)))
                .limit(Math.max(1, map.size() / 2))
                .forEach(en -> order.put(en.getKey(), en.getValue().createdNanos));
        order.keySet().forEach(map::remove);
    }

    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), map.size(), capacity);
    }

    public void clear() {
        map.clear();
    }
}
