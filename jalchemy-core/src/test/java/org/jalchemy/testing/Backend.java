package org.jalchemy.testing;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.EngineOptions;
import org.jalchemy.engine.IsolationLevel;

import java.util.function.UnaryOperator;

import static org.jalchemy.sql.Sql.text;

/**
 * One live database the test suite runs against. {@link #toString()} is the backend's name
 * ({@code sqlite}, {@code postgresql}, {@code mariadb}), which parameterised tests put in their
 * display names, so reports say which database a test ran on.
 *
 * <p>{@link #engine()} is shared by every test of the JVM (created on first use, disposed at exit);
 * tests that need other options make their own with {@link #newEngine(UnaryOperator)} and close it.
 */
public final class Backend {
    private final String name;
    private final String url;
    private final String createDatabase;
    private volatile boolean databaseChecked;
    private volatile Engine shared;

    /** {@code createDatabase}: the database to create on first use when missing (default URLs only), or null. */
    Backend(String name, String url, String createDatabase) {
        this.name = name;
        this.url = url;
        this.createDatabase = createDatabase;
    }

    /** {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    public String name() {
        return name;
    }

    /** The jalchemy URL of this backend's test database. */
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

    /** The shared engine for this backend. */
    public Engine engine() {
        Engine e = shared;
        if (e == null) {
            synchronized (this) {
                if (shared == null) {
                    ensureDatabase();
                    shared = Jalchemy.createEngine(url, EngineOptions.builder().poolSize(2).maxOverflow(6).build());
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::dispose));
                }
                e = shared;
            }
        }
        return e;
    }

    /** A new engine on this backend with custom options; the caller closes it. */
    public Engine newEngine(UnaryOperator<EngineOptions.Builder> options) {
        ensureDatabase();
        return Jalchemy.createEngine(url, options.apply(EngineOptions.builder().poolSize(2).maxOverflow(6)).build());
    }

    /** Creates the module's database on its server when it is missing (idempotent, once per JVM). */
    private synchronized void ensureDatabase() {
        if (databaseChecked || createDatabase == null) {
            return;
        }
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + (isPostgresql() ? "postgres" : "mysql");
        Engine e = Jalchemy.createEngine(admin, EngineOptions.builder().isolationLevel(IsolationLevel.AUTOCOMMIT).build());
        try (Connection c = e.connect()) {
            if (isPostgresql()) {
                boolean exists = c.execute(text("SELECT 1 FROM pg_database WHERE datname = :d"),
                        java.util.Map.of("d", createDatabase)).first().isPresent();
                if (!exists) {
                    c.execute(text("CREATE DATABASE " + c.dialect().quoteIdentifier(createDatabase)));
                }
            } else {
                c.execute(text("CREATE DATABASE IF NOT EXISTS " + c.dialect().quoteIdentifier(createDatabase)));
            }
        } finally {
            e.dispose();
        }
        databaseChecked = true;
    }

    @Override
    public String toString() {
        return name;
    }
}
