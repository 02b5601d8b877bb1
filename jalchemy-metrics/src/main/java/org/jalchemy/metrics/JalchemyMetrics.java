package org.jalchemy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineListener;
import org.jalchemy.engine.ExecuteContext;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.sql.Compiled;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Micrometer {@link MeterBinder} for one engine, and optionally its ORM session factories and
 * query cache: {@code new JalchemyMetrics(engine).bindTo(registry)}. Meter names follow
 * Micrometer's conventions (dot-separated, lower case, base units; the registry renders them for
 * its backend, e.g. {@code jalchemy_statements_seconds_count} in Prometheus):
 *
 * <ul>
 *   <li>{@code jalchemy.pool.connections.active|idle|pending|max} gauges;
 *       {@code jalchemy.pool.timeouts} (checkouts that waited {@code poolTimeout} in vain) and
 *       {@code jalchemy.pool.errors} counters; {@code jalchemy.pool.usage} timer (checkout to
 *       return);</li>
 *   <li>{@code jalchemy.statements} timer: one per statement shape, tagged {@code operation}
 *       ({@code select}, {@code insert}, ...), {@code table} (the tables named, sorted, joined by
 *       {@code ,}; {@code unknown} for driver SQL) and {@code shape} (an 8-hex-digit hash of the
 *       SQL text, so one shape is one series — never the SQL itself);
 *       {@code jalchemy.statements.errors} counter by {@code kind} ({@code IntegrityError},
 *       {@code OperationalError}, ...) and {@code operation};</li>
 *   <li>ORM ({@link #orm}): {@code jalchemy.orm.flush.objects} distribution summary,
 *       {@code jalchemy.orm.objects.loaded} by {@code entity}, {@code jalchemy.orm.lazy.loads} by
 *       {@code relationship}, {@code jalchemy.orm.nplusone} (N+1 diagnostics fired);</li>
 *   <li>query cache ({@link #cache}): {@code jalchemy.cache.gets} by {@code result=hit|miss},
 *       {@code jalchemy.cache.puts}, {@code jalchemy.cache.evictions}, {@code jalchemy.cache.errors},
 *       {@code jalchemy.cache.invalidations}, by {@code region}.</li>
 * </ul>
 * Every meter carries {@code engine} (a name you give, default the dialect and database).
 *
 * <p>Bounded tags: statement shapes beyond {@code maxShapes} (default 200) distinct ones share one
 * series with {@code shape=other} and {@code table=other}; tables, operations and error kinds are
 * finite by nature. Cost: a listener on the engine — one map lookup and one timer update per
 * statement; nothing is measured before {@code bindTo}. Thread-safe.
 */
public final class JalchemyMetrics implements MeterBinder, AutoCloseable {
    private final Engine engine;
    private final String name;
    private final int maxShapes;
    private final List<AutoCloseable> registrations = new ArrayList<>();
    private final List<java.util.function.Consumer<MeterRegistry>> binders = new ArrayList<>();

    public JalchemyMetrics(Engine engine) {
        this(engine, engine.dialect().name() + "/" + engine.url().database(), 200);
    }

    /** {@code name} tags every meter ({@code engine=name}); {@code maxShapes} bounds the statement series. */
    public JalchemyMetrics(Engine engine, String name, int maxShapes) {
        this.engine = engine;
        this.name = name;
        this.maxShapes = maxShapes;
    }

    /** Also measures the sessions of {@code factory} (flush sizes, objects loaded, lazy loads, N+1). */
    public JalchemyMetrics orm(org.jalchemy.orm.SessionFactory factory) {
        binders.add(registry -> OrmMeters.bind(registry, Tags.of("engine", name), factory, registrations));
        return this;
    }

    /** Also measures the engine's query cache (hits, misses, puts, evictions, errors, invalidations per region). */
    public JalchemyMetrics cache(org.jalchemy.cache.QueryCache cache) {
        binders.add(registry -> CacheMeters.bind(registry, Tags.of("engine", name), cache));
        return this;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Tags base = Tags.of("engine", name);
        Gauge.builder("jalchemy.pool.connections.active", engine, e -> e.poolStatus().checkedOut()).tags(base)
                .description("connections checked out of the pool now").baseUnit("connections").register(registry);
        Gauge.builder("jalchemy.pool.connections.idle", engine, e -> e.poolStatus().idle()).tags(base)
                .description("connections open and free in the pool now").baseUnit("connections").register(registry);
        Gauge.builder("jalchemy.pool.connections.pending", engine, e -> e.poolStatus().waiting()).tags(base)
                .description("threads waiting for a connection now").baseUnit("threads").register(registry);
        Gauge.builder("jalchemy.pool.connections.max", engine,
                        e -> e.poolStatus().size() + e.poolStatus().maxOverflow()).tags(base)
                .description("poolSize + maxOverflow").baseUnit("connections").register(registry);
        Counter timeouts = Counter.builder("jalchemy.pool.timeouts").tags(base)
                .description("checkouts that waited poolTimeout for a connection in vain").register(registry);
        Counter poolErrors = Counter.builder("jalchemy.pool.errors").tags(base)
                .description("checkouts that failed otherwise (database unreachable)").register(registry);
        Timer usage = Timer.builder("jalchemy.pool.usage").tags(base)
                .description("time a connection stayed checked out").register(registry);
        registrations.add(engine.events().listen(new StatementMeters(registry, base, timeouts, poolErrors, usage)));
        for (var b : binders) {
            b.accept(registry);
        }
    }

    /** Stops measuring (meters already registered stay in the registry with their last values). */
    @Override
    public void close() {
        for (AutoCloseable r : registrations) {
            try {
                r.close();
            } catch (Exception ignored) {
                // a registration handle does not fail
            }
        }
        registrations.clear();
    }

    /** The engine listener: statement timers per shape, error counters, pool usage. */
    private final class StatementMeters implements EngineListener {
        private final MeterRegistry registry;
        private final Tags base;
        private final Counter timeouts;
        private final Counter poolErrors;
        private final Timer usage;
        private final ConcurrentHashMap<Compiled, Timer> timers = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<Connection, Long> checkedOut = new ConcurrentHashMap<>();
        private final Timer other;
        private final Set<String> shapes = ConcurrentHashMap.newKeySet();

        StatementMeters(MeterRegistry registry, Tags base, Counter timeouts, Counter poolErrors, Timer usage) {
            this.registry = registry;
            this.base = base;
            this.timeouts = timeouts;
            this.poolErrors = poolErrors;
            this.usage = usage;
            this.other = timer("other", "other", "other");
        }

        private Timer timer(String operation, String table, String shape) {
            return Timer.builder("jalchemy.statements").tags(base)
                    .tags("operation", operation, "table", table, "shape", shape)
                    .description("statements executed, by shape (driver call time, rows not included)")
                    .register(registry);
        }

        private Timer timerFor(ExecuteContext ctx) {
            Compiled c = ctx.compiled();
            Timer t = timers.get(c);
            if (t != null) {
                return t;
            }
            String shape = String.format("%08x", c.sql().hashCode());
            if (!shapes.contains(shape) && shapes.size() >= maxShapes) {
                t = other;
            } else {
                shapes.add(shape);
                Set<String> tables = c.tables();
                String table = tables == null ? "unknown" : tables.isEmpty() ? "none"
                        : String.join(",", new java.util.TreeSet<>(tables));
                t = timer(ctx.operation(), table, shape);
            }
            if (timers.size() < 4 * maxShapes) { // Compiled objects are per engine cache entry: bounded too
                timers.put(c, t);
            }
            return t;
        }

        @Override
        public void afterExecute(ExecuteContext ctx) {
            timerFor(ctx).record(ctx.elapsedNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void handleError(ExecuteContext ctx, DBAPIError error) {
            String kind = error.getClass().getSimpleName();
            String op = ctx == null ? "other" : ctx.operation();
            errors.computeIfAbsent(kind + "/" + op, k -> Counter.builder("jalchemy.statements.errors").tags(base)
                    .tags("kind", kind, "operation", op.toLowerCase(Locale.ROOT))
                    .description("statements that failed, by error kind").register(registry)).increment();
        }

        @Override
        public void checkout(Connection connection) {
            checkedOut.put(connection, System.nanoTime());
        }

        @Override
        public void checkin(Connection connection) {
            Long t0 = checkedOut.remove(connection);
            if (t0 != null) {
                usage.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void checkoutFailed(RuntimeException error) {
            if (error instanceof org.jalchemy.exc.TimeoutError) {
                timeouts.increment();
            } else {
                poolErrors.increment();
            }
        }
    }

    /** Tags for the engine; for extensions. */
    public Iterable<Tag> tags() {
        return Tags.of("engine", name);
    }

    /** A function counter over {@code state} (weakly referenced by Micrometer: the application holds it). */
    static <T> void functionCounter(MeterRegistry registry, T state, String name, Tags tags, String description,
                                    java.util.function.ToLongFunction<T> value) {
        FunctionCounter.builder(name, state, v -> (double) value.applyAsLong(v)).tags(tags).description(description)
                .register(registry);
    }
}
