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

    /**
     * A new engine on this backend's database reached at another address (a {@link FaultProxy} or
     * a {@link SilentServer} on 127.0.0.1); the caller closes it.
     */
    public Engine newEngineAt(int port, UnaryOperator<EngineOptions.Builder> options) {
        ensureDatabase();
        String at = org.jalchemy.engine.URL.parse(url).withHost("127.0.0.1", port).render(false);
        return Jalchemy.createEngine(at, options.apply(EngineOptions.builder().poolSize(2).maxOverflow(6)).build());
    }

    /** A {@link FaultProxy} in front of this backend's server (PostgreSQL or MariaDB). */
    public FaultProxy proxy() {
        org.jalchemy.engine.URL u = org.jalchemy.engine.URL.parse(url);
        try {
            return new FaultProxy(u.host(), u.port() != null ? u.port() : isPostgresql() ? 5432 : 3306);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The SQL that returns this session's server process id ({@code pg_backend_pid()}, {@code CONNECTION_ID()}). */
    public String backendPidSql() {
        return isPostgresql() ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
    }

    /**
     * Kills several server sessions at once (one statement per session on one connection, so they
     * die within milliseconds of each other) and waits (at most 5 s) until none is listed.
     */
    public void killSessions(java.util.Collection<?> pids) {
        try (Connection killer = engine().connect()) {
            for (Object pid : pids) {
                long id = ((Number) pid).longValue();
                if (isPostgresql()) {
                    killer.execute(text("SELECT pg_terminate_backend(" + id + ")")).all();
                } else {
                    killer.execute(text("KILL " + id));
                }
            }
            killer.commit();
        }
        for (Object pid : pids) {
            killSessionWait(((Number) pid).longValue());
        }
    }

    private void killSessionWait(long id) {
        try (Connection killer = engine().connect()) {
            String listed = isPostgresql() ? "SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"
                    : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = :pid";
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (((Number) killer.execute(text(listed), java.util.Map.of("pid", id)).scalarOne()).longValue() > 0) {
                killer.rollback();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("server session " + id + " still listed 5 s after it was killed");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * Kills the server session {@code pid} from another connection ({@code pg_terminate_backend},
     * {@code KILL}) and waits (at most 5 s) until the server no longer lists it.
     */
    public void killSession(Object pid) {
        long id = ((Number) pid).longValue();
        try (Connection killer = engine().connect()) {
            if (isPostgresql()) {
                killer.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), java.util.Map.of("pid", (int) id)).all();
            } else {
                killer.execute(text("KILL " + id));
            }
            String listed = isPostgresql() ? "SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"
                    : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = :pid";
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (((Number) killer.execute(text(listed), java.util.Map.of("pid", id)).scalarOne()).longValue() > 0) {
                killer.rollback();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("server session " + id + " still listed 5 s after it was killed");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
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
