/**
 * Monitoring for jalchemy: {@link org.jalchemy.metrics.JalchemyMetrics} binds an engine (and
 * optionally its ORM session factory and query cache) to a Micrometer registry;
 * {@link org.jalchemy.metrics.JalchemyTracing} makes one OpenTelemetry span per statement through
 * the OpenTelemetry API. Both are listeners on the engine's events: nothing is measured until
 * they are installed.
 */
package org.jalchemy.metrics;
