package org.jalchemy;

import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineOptions;

import java.util.function.UnaryOperator;

/**
 * Entry points: {@code Jalchemy.createEngine("sqlite:///mi_base_de_datos.db")}.
 * The SQL expression language lives in {@link org.jalchemy.sql.Sql}.
 */
public final class Jalchemy {
    private Jalchemy() {
    }

    /** An engine with default options (pool of 5 + 10 overflow, no echo). */
    public static Engine createEngine(String url) {
        return Engine.create(url, EngineOptions.defaults());
    }

    /** An engine with the given options. */
    public static Engine createEngine(String url, EngineOptions options) {
        return Engine.create(url, options);
    }

    /** An engine configured through the options builder: {@code createEngine(url, o -> o.echo(true).poolSize(10))}. */
    public static Engine createEngine(String url, UnaryOperator<EngineOptions.Builder> options) {
        return Engine.create(url, options.apply(EngineOptions.builder()).build());
    }

    /**
     * An engine that takes its connections from the application's {@code dataSource} (a framework's
     * pool, e.g. Spring Boot's) instead of pooling its own: {@code url} only chooses the dialect
     * ({@code postgresql://}, {@code mariadb://}, ...; host and credentials are the DataSource's), and
     * the pool options do not apply. {@code dispose()} leaves the DataSource open: its owner closes it.
     */
    public static Engine createEngine(String url, javax.sql.DataSource dataSource, EngineOptions options) {
        return Engine.create(url, dataSource, options);
    }

    /** A schema {@link org.jalchemy.schema.Inspector} over the engine (SQLAlchemy's {@code inspect(engine)}). */
    public static org.jalchemy.schema.Inspector inspect(Engine engine) {
        return new org.jalchemy.schema.Inspector(engine);
    }
}
