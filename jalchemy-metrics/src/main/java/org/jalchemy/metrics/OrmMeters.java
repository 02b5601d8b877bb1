package org.jalchemy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.SessionListener;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The ORM meters of {@link JalchemyMetrics#orm}: a {@link SessionListener} on the factory. */
final class OrmMeters {
    private OrmMeters() {
    }

    static void bind(MeterRegistry registry, Tags base, SessionFactory factory, List<AutoCloseable> registrations) {
        DistributionSummary flush = DistributionSummary.builder("jalchemy.orm.flush.objects").tags(base)
                .description("objects written per flush (inserted, updated, deleted)").baseUnit("objects")
                .register(registry);
        Counter nplus = Counter.builder("jalchemy.orm.nplusone").tags(base)
                .description("N+1 diagnostics fired (warnOnNPlusOne / raiseOnNPlusOne)").register(registry);
        ConcurrentHashMap<Class<?>, Counter> loaded = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Counter> lazy = new ConcurrentHashMap<>();
        registrations.add(factory.listen(new SessionListener() {
            @Override
            public void afterFlush(Session session, int objects) {
                flush.record(objects);
            }

            @Override
            public void objectLoaded(Session session, Class<?> type) {
                loaded.computeIfAbsent(type, t -> Counter.builder("jalchemy.orm.objects.loaded").tags(base)
                        .tag("entity", t.getSimpleName()).description("rows that became new objects of a session")
                        .register(registry)).increment();
            }

            @Override
            public void lazyLoad(Session session, String relationship) {
                lazy.computeIfAbsent(relationship, r -> Counter.builder("jalchemy.orm.lazy.loads").tags(base)
                        .tag("relationship", r).description("relationships loaded on first access (one query each)")
                        .register(registry)).increment();
            }

            @Override
            public void nPlusOne(Session session, String relationship, int loads) {
                nplus.increment();
            }
        }));
    }
}
