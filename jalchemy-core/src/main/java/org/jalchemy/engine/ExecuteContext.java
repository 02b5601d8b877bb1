package org.jalchemy.engine;

import java.util.List;

/**
 * One statement execution as seen by {@link EngineListener}s. Created only when listeners are
 * registered; {@code elapsedNanos} and {@code rowcount} are set before {@code afterExecute}.
 * Not thread-safe; valid only during the callback.
 */
public final class ExecuteContext {
    private final Connection connection;
    private final String sql;
    private final List<Object[]> parameters;
    private final boolean executemany;
    private final boolean cacheHit;
    private long elapsedNanos = -1;
    private long rowcount = -1;

    ExecuteContext(Connection connection, String sql, List<Object[]> parameters, boolean executemany, boolean cacheHit) {
        this.connection = connection;
        this.sql = sql;
        this.parameters = parameters;
        this.executemany = executemany;
        this.cacheHit = cacheHit;
    }

    public Connection connection() {
        return connection;
    }

    /** The SQL text sent to the driver. */
    public String sql() {
        return sql;
    }

    /** One array of values per parameter set (one element unless {@link #executemany()}). */
    public List<Object[]> parameters() {
        return parameters;
    }

    public boolean executemany() {
        return executemany;
    }

    /** True when the compiled form came from the engine's compiled cache. */
    public boolean cacheHit() {
        return cacheHit;
    }

    /** Wall time of the driver call in nanoseconds, or -1 before it completed. */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    /** Rows affected (DML) or -1 when unknown (queries). */
    public long rowcount() {
        return rowcount;
    }

    void finish(long elapsed, long rows) {
        this.elapsedNanos = elapsed;
        this.rowcount = rows;
    }
}
