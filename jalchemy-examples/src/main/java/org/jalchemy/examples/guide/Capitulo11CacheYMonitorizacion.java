package org.jalchemy.examples.guide;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.jalchemy.Jalchemy;
import org.jalchemy.cache.CaffeineBackend;
import org.jalchemy.cache.QueryCache;
import org.jalchemy.cache.RedisBackend;
import org.jalchemy.cache.Region;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.sql.Sql;
import org.jalchemy.sql.TableClause;
import org.jalchemy.examples.guide.modelos.User;
import org.jalchemy.examples.guide.modelos.User_;
import org.jalchemy.metrics.JalchemyMetrics;
import org.jalchemy.metrics.JalchemyTracing;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.jalchemy.cache.QueryCache.cache;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.table;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * Guide §11.3 (caching) and §11.5 (monitoring) with jalchemy-cache and jalchemy-metrics: the
 * list of active users cached in Redis and invalidated by the commit that changes a user, a
 * slow-statement log, Micrometer meters printed without Grafana, OpenTelemetry spans. Needs Redis
 * on 127.0.0.1:6379 for {@link #run}; {@link #main} runs on SQLite with the in-process cache only.
 */
public final class Capitulo11CacheYMonitorizacion {
    private Capitulo11CacheYMonitorizacion() {
    }

    /** The Grafana-free example: runs on SQLite with an in-process cache and prints every meter. */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : Capitulos.DEFAULT_URL;
        try (Engine engine = motorConLogDeLentas(url)) {
            Capitulo04Modelos.recrear(engine);
            try (QueryCache qc = QueryCache.builder().region(Region.of("users", CaffeineBackend.create())).install(engine)) {
                ejecutar(engine, qc);
            }
        }
    }

    /** §11.3 and §11.5 on Redis: the chapter's tables are recreated on {@code engine}. */
    public static void run(Engine engine) {
        Capitulo04Modelos.recrear(engine);
        try (QueryCache qc = cacheEnRedis(engine, "redis://127.0.0.1:6379")) {
            ejecutar(engine, qc);
        }
    }

    static Engine motorConLogDeLentas(String url) {
        // tag::slow-queries[]
        Engine engine = Jalchemy.createEngine(url, o -> o
                .slowQueryThreshold(Duration.ofMillis(200))   // WARN on jalchemy.engine.slow: SQL, time, call site
                .hideParameters(true));                      // ... and no parameter values in that log
        // end::slow-queries[]
        return engine;
    }

    static QueryCache cacheEnRedis(Engine engine, String redisUrl) {
        // tag::install-cache[]
        QueryCache queryCache = QueryCache.builder()
                .region(Region.of("users", RedisBackend.connect(redisUrl))   // shared by every instance
                        .ttl(Duration.ofMinutes(10)))
                .region(Region.of("lookups", CaffeineBackend.create())       // in this process only
                        .ttl(Duration.ofHours(1)).maxEntries(1_000))
                .install(engine);
        // end::install-cache[]
        return queryCache;
    }

    static void ejecutar(Engine engine, QueryCache qc) {
        SessionFactory fabrica = SessionFactory.bind(engine);
        List<Map<String, Object>> filas = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            filas.add(Map.of("username", "user" + i, "email", "user" + i + "@example.com", "isActive", i != 5));
        }
        fabrica.inTransaction(s -> s.execute(org.jalchemy.orm.Orm.insert(User.class), filas));

        MeterRegistry registry = new SimpleMeterRegistry();
        // tag::bind-metrics[]
        JalchemyMetrics metrics = new JalchemyMetrics(engine)
                .orm(fabrica)          // flush sizes, objects loaded, lazy loads, N+1
                .cache(qc);            // hits, misses, puts, evictions, errors per region
        metrics.bindTo(registry);      // any Micrometer registry: Prometheus, OTLP, JMX, ...
        // end::bind-metrics[]
        // tag::tracing[]
        OpenTelemetry openTelemetry = OpenTelemetry.noop();   // yours: GlobalOpenTelemetry.get(), the SDK, the agent
        JalchemyTracing tracing = JalchemyTracing.install(engine, openTelemetry);
        // end::tracing[]

        System.out.println("=== §11.3 Caché de la lista de usuarios ===");
        System.out.println("  primera vez: " + usuariosActivos(fabrica));
        System.out.println("  segunda vez: " + usuariosActivos(fabrica) + " " + qc.stats("users"));
        // tag::invalidate[]
        try (Session session = fabrica.open()) {
            User user2 = session.get(User.class, 2).orElseThrow();
            user2.isActive = false;
            session.commit();              // wrote "users": every cached result that read it is gone
        }
        // end::invalidate[]
        System.out.println("  tras el commit: " + usuariosActivos(fabrica));
        // tag::core-cached[]
        TableClause users = table("users", column("id", integer()), column("username", string(50)));
        try (Connection conn = engine.connect()) {
            List<Object> nombres = conn.execute(Sql.select(users.c("username")).selectFrom(users)
                    .orderBy(users.c("id"))
                    .options(cache("users")))                        // Core statements too
                    .scalars().all();
            System.out.println("  Core: " + nombres);
        }
        // end::core-cached[]

        System.out.println("=== §11.5 Métricas (sin Grafana) ===");
        imprimir(registry);
        tracing.close();
        metrics.close();
    }

    // tag::cached-users[]
    static List<String> usuariosActivos(SessionFactory fabrica) {
        try (Session session = fabrica.open()) {
            List<User> users = session.scalars(select(User.class)
                            .where(User_.isActive.eq(true))
                            .orderBy(User_.id)
                            .options(cache("users")))            // from the "users" region when valid
                    .all();
            return users.stream().map(u -> u.username).toList();
        }
    }
    // end::cached-users[]

    // tag::print-meters[]
    static void imprimir(MeterRegistry registry) {
        registry.getMeters().stream()
                .sorted(Comparator.comparing((Meter m) -> m.getId().getName()))
                .forEach(m -> {
                    StringBuilder line = new StringBuilder("  ").append(m.getId().getName());
                    m.getId().getTags().forEach(t -> line.append(' ').append(t.getKey()).append('=').append(t.getValue()));
                    for (Measurement v : m.measure()) {
                        line.append(String.format(" %s=%.4g", v.getStatistic().getTagValueRepresentation(), v.getValue()));
                    }
                    System.out.println(line);
                });
    }
    // end::print-meters[]
}
