package org.jalchemy.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jalchemy.cache.QueryCache;

/** The query-cache meters of {@link JalchemyMetrics#cache}: function counters over its statistics. */
final class CacheMeters {
    private CacheMeters() {
    }

    static void bind(MeterRegistry registry, Tags base, QueryCache cache) {
        for (String region : cache.regions()) {
            Tags t = base.and("region", region);
            JalchemyMetrics.functionCounter(registry, cache, "jalchemy.cache.gets", t.and("result", "hit"),
                    "cached results served", c -> c.stats(region).hits());
            JalchemyMetrics.functionCounter(registry, cache, "jalchemy.cache.gets", t.and("result", "miss"),
                    "cacheable results read from the database", c -> c.stats(region).misses());
            JalchemyMetrics.functionCounter(registry, cache, "jalchemy.cache.puts", t, "results stored",
                    c -> c.stats(region).puts());
            JalchemyMetrics.functionCounter(registry, cache, "jalchemy.cache.evictions", t,
                    "entries dropped to respect maxEntries", c -> c.stats(region).evictions());
            JalchemyMetrics.functionCounter(registry, cache, "jalchemy.cache.errors", t,
                    "backend calls that failed (the query went to the database)", c -> c.stats(region).errors());
            JalchemyMetrics.functionCounter(registry, cache, "jalchemy.cache.invalidations", t,
                    "table version counters incremented by commits", c -> c.stats(region).invalidations());
        }
    }
}
