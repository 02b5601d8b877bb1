package org.jalchemy.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jalchemy.Jalchemy;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.URL;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One database under test and every way the variants reach it: a jalchemy {@link Engine}, one
 * long-lived raw JDBC connection (the floor, and jOOQ), and a HikariCP {@link DataSource} (for
 * Hibernate). All of them use the same driver, JDBC URL and connection properties, taken from
 * jalchemy's dialect for the URL, so the variants differ only in the library on top.
 *
 * <p>Where the dialect has jalchemy drain results with a fetch size of its own
 * ({@link Dialect#drainFetchSize()}: MariaDB streams in chunks while it reads a whole result at
 * once), the JDBC connections are given that fetch size as their default (the driver's
 * {@code defaultFetchSize}), so the floor reads the way jalchemy does: every JDBC, jOOQ and
 * Hibernate variant reads its whole result at once, where streaming is the faster plain JDBC.
 *
 * <p>Resources are opened lazily and outside the timed regions; {@link #close()} releases all.
 * Not thread-safe: the benchmark runs one variant at a time.
 */
public final class BenchBackend implements AutoCloseable {
    private final String name;
    private final String url;
    private final Dialect.ConnectSpec spec;
    private Engine engine;
    private java.sql.Connection jdbc;
    private HikariDataSource pooled;
    private final Map<String, Object> shared = new LinkedHashMap<>();

    public BenchBackend(String name, String url) {
        this.name = name;
        this.url = url;
        URL parsed = URL.parse(url);
        Dialect dialect = Dialects.get(parsed.backend());
        Dialect.ConnectSpec s = dialect.connectSpec(parsed);
        if (dialect.drainFetchSize() > 0 && s.driverClassName().equals("org.mariadb.jdbc.Driver")) { // its own property
            java.util.Properties props = new java.util.Properties();
            props.putAll(s.properties());
            props.putIfAbsent("defaultFetchSize", String.valueOf(dialect.drainFetchSize()));
            s = new Dialect.ConnectSpec(s.driverClassName(), s.jdbcUrl(), props);
        }
        this.spec = s;
    }

    /** {@code sqlite}, {@code postgresql} or {@code mariadb}: the backend column of the report. */
    public String name() {
        return name;
    }

    /** The jalchemy URL. */
    public String url() {
        return url;
    }

    public boolean isSqlite() {
        return name.equals("sqlite");
    }

    public boolean isPostgresql() {
        return name.equals("postgresql");
    }

    public boolean isMariadb() {
        return name.equals("mariadb");
    }

    /**
     * The jalchemy engine: QueuePool of at most 5 like the default, but keeping one idle
     * connection instead of five (the suite is single-threaded, and closing a Hikari pool that is
     * still opening its idle connections waits up to 5 s).
     */
    public Engine engine() {
        if (engine == null) {
            engine = Jalchemy.createEngine(url, o -> o.poolSize(1).maxOverflow(4));
        }
        return engine;
    }

    /** A raw JDBC connection with autocommit off, kept for the whole run; end your transaction before returning. */
    public java.sql.Connection jdbc() throws SQLException {
        if (jdbc == null || jdbc.isClosed()) {
            jdbc = newJdbcConnection();
        }
        return jdbc;
    }

    /** The JDBC URL jalchemy's dialect derives from {@link #url()} (what every variant connects to). */
    public String jdbcUrl() {
        return spec.jdbcUrl();
    }

    /** The driver properties jalchemy's dialect sets for {@link #url()}. */
    public java.util.Properties jdbcProperties() {
        return spec.properties();
    }

    /** A fresh raw JDBC connection (autocommit off) the caller closes. */
    public java.sql.Connection newJdbcConnection() throws SQLException {
        java.sql.Connection c = DriverManager.getConnection(spec.jdbcUrl(), spec.properties());
        c.setAutoCommit(false);
        return c;
    }

    /** A HikariCP pool over the same driver settings, autocommit off (what Hibernate is given). */
    public DataSource pooled() {
        if (pooled == null) {
            HikariConfig cfg = new HikariConfig();
            cfg.setPoolName("bench-" + name);
            cfg.setJdbcUrl(spec.jdbcUrl());
            cfg.setDataSourceProperties(spec.properties());
            cfg.setMaximumPoolSize(5);
            cfg.setMinimumIdle(1);
            cfg.setAutoCommit(false);
            pooled = new HikariDataSource(cfg);
        }
        return pooled;
    }

    /**
     * A per-backend object built once by {@code factory} (a Hibernate SessionFactory, a jOOQ
     * context...) and closed with the backend when it is {@link AutoCloseable}.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, Supplier<T> factory) {
        return (T) shared.computeIfAbsent(key, k -> factory.get());
    }

    /** Closes and forgets one {@link #shared} object (a pool the next step must not compete with). */
    public void release(String key) {
        Object o = shared.remove(key);
        if (o instanceof AutoCloseable ac) {
            try {
                ac.close();
            } catch (Exception e) {
                System.err.println("[bench] while closing " + key + " of " + name + ": " + e);
            }
        }
    }

    /** Runs DDL or other setup statements on the raw connection and commits. Never timed. */
    public void exec(String... sql) throws SQLException {
        java.sql.Connection c = jdbc();
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
        c.commit();
    }

    /** Fails fast with the driver's message when the database cannot be reached. */
    public void ping() throws SQLException {
        jdbc().isValid(5);
    }

    @Override
    public void close() {
        List<Exception> errors = new ArrayList<>();
        List<Object> values = new ArrayList<>(shared.values());
        java.util.Collections.reverse(values);
        for (Object o : values) {
            if (o instanceof AutoCloseable ac) {
                try {
                    ac.close();
                } catch (Exception e) {
                    errors.add(e);
                }
            }
        }
        shared.clear();
        if (engine != null) {
            engine.dispose();
            engine = null;
        }
        if (jdbc != null) {
            try {
                jdbc.rollback();
                jdbc.close();
            } catch (SQLException e) {
                errors.add(e);
            }
            jdbc = null;
        }
        if (pooled != null) {
            pooled.close();
            pooled = null;
        }
        if (!errors.isEmpty()) {
            System.err.println("[bench] while closing " + name + ": " + errors);
        }
    }

    @Override
    public String toString() {
        return name + " (" + URL.parse(url).render(true) + ")";
    }
}
