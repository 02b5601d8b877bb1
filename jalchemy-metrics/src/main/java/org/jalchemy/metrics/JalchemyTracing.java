package org.jalchemy.metrics;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineEvents;
import org.jalchemy.engine.EngineListener;
import org.jalchemy.engine.ExecuteContext;
import org.jalchemy.exc.DBAPIError;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenTelemetry span per statement, following OpenTelemetry's database client semantic
 * conventions, through the OpenTelemetry API only (the application supplies the SDK, or the Java
 * agent does): {@code JalchemyTracing.install(engine, openTelemetry)}.
 *
 * <p>Each span is a {@code CLIENT} span named {@code "<OPERATION> <table>"} (or the operation and
 * database when several or no tables are named), child of the span current on the calling thread,
 * with {@code db.system} (and its newer name {@code db.system.name}: {@code postgresql},
 * {@code mariadb}, {@code mysql}, {@code sqlite}), {@code db.namespace} (the database),
 * {@code db.operation.name}, {@code db.collection.name} (one table), {@code db.query.text} — the SQL
 * with its {@code ?} placeholders: parameter values are never recorded — {@code server.address},
 * {@code server.port}, and on failure status ERROR with {@code error.type} (the error class; the
 * exception itself is not recorded, since its message carries parameter values).
 *
 * <p>The span covers the driver call (not the reading of rows). Thread-safe; nothing happens
 * until installed, and {@link #close()} removes it.
 */
public final class JalchemyTracing implements AutoCloseable {
    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> DB_COLLECTION = AttributeKey.stringKey("db.collection.name");
    static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final EngineEvents.Registration registration;

    private JalchemyTracing(Engine engine, Tracer tracer) {
        String system = system(engine);
        String namespace = engine.url().database();
        String host = engine.url().host();
        Integer port = engine.url().port();
        ConcurrentHashMap<ExecuteContext, Span> open = new ConcurrentHashMap<>();
        this.registration = engine.events().listen(new EngineListener() {
            @Override
            public void beforeExecute(ExecuteContext ctx) {
                String op = ctx.operation().toUpperCase(Locale.ROOT);
                Set<String> tables = ctx.tables();
                String table = tables != null && tables.size() == 1 ? tables.iterator().next() : null;
                SpanBuilder b = tracer.spanBuilder(table != null ? op + " " + table
                                : namespace != null ? op + " " + namespace : op)
                        .setSpanKind(SpanKind.CLIENT)
                        .setAttribute(DB_SYSTEM, system)
                        .setAttribute(DB_SYSTEM_NAME, system)
                        .setAttribute(DB_OPERATION, op)
                        .setAttribute(DB_QUERY_TEXT, ctx.sql());
                if (namespace != null) {
                    b.setAttribute(DB_NAMESPACE, namespace);
                }
                if (table != null) {
                    b.setAttribute(DB_COLLECTION, table);
                }
                if (host != null) {
                    b.setAttribute(SERVER_ADDRESS, host);
                }
                if (port != null) {
                    b.setAttribute(SERVER_PORT, port.longValue());
                }
                open.put(ctx, b.startSpan());
            }

            @Override
            public void afterExecute(ExecuteContext ctx) {
                Span s = open.remove(ctx);
                if (s != null) {
                    s.end();
                }
            }

            @Override
            public void handleError(ExecuteContext ctx, DBAPIError error) {
                Span s = ctx == null ? null : open.remove(ctx);
                if (s != null) {
                    String kind = error.getClass().getSimpleName();
                    s.setAttribute(ERROR_TYPE, kind);
                    s.setStatus(StatusCode.ERROR, kind);
                    s.end();
                }
            }
        });
    }

    /** Starts tracing {@code engine}'s statements with {@code openTelemetry}'s tracer {@code org.jalchemy}. */
    public static JalchemyTracing install(Engine engine, OpenTelemetry openTelemetry) {
        return new JalchemyTracing(engine, openTelemetry.getTracer("org.jalchemy"));
    }

    /** The semantic conventions' {@code db.system} value for the engine's database. */
    static String system(Engine engine) {
        String backend = engine.url().backend().toLowerCase(Locale.ROOT);
        return switch (backend) {
            case "postgresql", "postgres" -> "postgresql";
            case "mariadb" -> "mariadb";
            case "mysql" -> "mysql";
            case "sqlite" -> "sqlite";
            default -> "other_sql";
        };
    }

    @Override
    public void close() {
        registration.close();
    }
}
