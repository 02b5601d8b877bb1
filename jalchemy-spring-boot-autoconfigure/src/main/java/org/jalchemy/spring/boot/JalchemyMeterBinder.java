package org.jalchemy.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jalchemy.metrics.JalchemyMetrics;

/**
 * The {@link JalchemyMetrics} binder as a bean that Spring Boot binds to every
 * {@code MeterRegistry} of the application. A wrapper rather than the binder itself because
 * Spring introspects a bean's class, and {@code JalchemyMetrics} names jalchemy-cache's
 * {@code QueryCache} in a method signature: without jalchemy-cache on the class path that
 * introspection would fail.
 */
public final class JalchemyMeterBinder implements MeterBinder, AutoCloseable {
    private final JalchemyMetrics metrics;

    public JalchemyMeterBinder(JalchemyMetrics metrics) {
        this.metrics = metrics;
    }

    public JalchemyMetrics metrics() {
        return metrics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        metrics.bindTo(registry);
    }

    @Override
    public void close() {
        metrics.close();
    }
}
