package org.jalchemy.engine;

import org.jalchemy.exc.DBAPIError;
import org.jalchemy.sql.Compiled;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One statement execution as seen by {@link EngineListener}s. Created only when listeners are
 * registered; {@code elapsedNanos} and {@code rowcount} are set before {@code afterExecute}, and
 * {@code elapsedNanos} and {@code error} before {@code handleError}. Not thread-safe; valid only
 * during the callback.
 *
 * <p>The statement's <em>shape</em> is its {@link #compiled()} form, shared by every execution of
 * statements with the same structural cache key on this engine (its SQL text identifies it);
 * {@link #operation()} and {@link #tables()} are the bounded descriptions of it that metrics may
 * use as tags (never the SQL text).
 */
public final class ExecuteContext {
    private final Connection connection;
    private final Compiled compiled;
    private final String sql;
    private final List<Object[]> parameters;
    private final boolean executemany;
    private final boolean cacheHit;
    private long elapsedNanos = -1;
    private long rowcount = -1;
    private DBAPIError error;

    ExecuteContext(Connection connection, Compiled compiled, List<Object[]> parameters, boolean executemany,
                   boolean cacheHit) {
        this.connection = connection;
        this.compiled = compiled;
        this.sql = compiled.sql();
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

    /** The compiled statement: its shape, shared by all executions of equal statements (compare by identity or SQL). */
    public Compiled compiled() {
        return compiled;
    }

    /**
     * The tables the statement names (lower case, no schema), or null when unknown ({@code text()}
     * that is not a plain INSERT/UPDATE/DELETE, driver SQL, DDL).
     */
    public Set<String> tables() {
        return compiled.tables();
    }

    /**
     * The statement's first SQL keyword in lower case ({@code select}, {@code insert}, {@code update},
     * {@code delete}, {@code with}, {@code create}, ...): a bounded description for metrics tags.
     */
    public String operation() {
        return operationOf(sql);
    }

    /** True when the statement may write: anything but a query that starts with SELECT, VALUES, SHOW... */
    public boolean isWrite() {
        return isWrite(compiled);
    }

    /** The error the caller receives, during {@code handleError}; null otherwise. */
    public DBAPIError error() {
        return error;
    }

    /**
     * The class name of {@link #error()} ({@code IntegrityError}, {@code OperationalError},
     * {@code TimeoutError}, ...; a bounded set), or null when there is no error.
     */
    public String errorKind() {
        return error == null ? null : error.getClass().getSimpleName();
    }

    static String operationOf(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
            i++;
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return i == start ? "other" : sql.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern DML = java.util.regex.Pattern.compile(
            "\\b(insert|update|delete|merge)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    static boolean isWrite(Compiled compiled) {
        if (!compiled.isQuery() || compiled.keyFetch() != Compiled.KeyFetch.NONE) {
            return true;
        }
        String sql = compiled.sql();
        int i = 0;
        while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
            i++;
        }
        if (sql.regionMatches(true, i, "SELECT", 0, 6)) { // the common case, without allocating
            return false;
        }
        String op = operationOf(sql);
        return switch (op) {
            case "select", "values", "show", "explain", "describe", "pragma" -> false;
            case "with" -> DML.matcher(compiled.sql()).find(); // a data-modifying CTE writes
            default -> true;
        };
    }

    void failed(long elapsed) {
        this.elapsedNanos = elapsed;
    }

    void error(DBAPIError err) {
        this.error = err;
    }

    void finish(long elapsed, long rows) {
        this.elapsedNanos = elapsed;
        this.rowcount = rows;
    }
}
