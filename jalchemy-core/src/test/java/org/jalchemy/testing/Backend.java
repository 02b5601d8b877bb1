package org.jalchemy.testing;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineOptions;

import java.util.function.UnaryOperator;

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
    private volatile Engine shared;

    Backend(String name, String url) {
        this.name = name;
        this.url = url;
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
        return Jalchemy.createEngine(url, options.apply(EngineOptions.builder().poolSize(2).maxOverflow(6)).build());
    }

    @Override
    public String toString() {
        return name;
    }
}
