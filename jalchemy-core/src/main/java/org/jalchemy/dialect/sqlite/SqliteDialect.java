package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DriverNames;
import org.jalchemy.dialect.ReservedWords;
import org.jalchemy.engine.URL;
import org.jalchemy.exc.ErrorKind;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQLite through xerial's sqlite-jdbc. URLs: {@code sqlite:///relative/path.db},
 * {@code sqlite:////absolute/path.db}, {@code sqlite:///:memory:} or {@code sqlite://} (memory).
 *
 * <p>Unlike SQLAlchemy, foreign keys are enforced by default ({@code PRAGMA foreign_keys=ON} through
 * the driver's {@code foreign_keys} property); pass {@code ?foreign_keys=false} to turn it off.
 * An in-memory database lives as long as its single connection, so the engine uses a static pool
 * (one shared connection) for it: it is not for concurrent use from several threads.
 */
public class SqliteDialect extends Dialect {
    private static final Set<String> RESERVED;

    static {
        Set<String> s = new HashSet<>(ReservedWords.SQL_STANDARD);
        s.addAll(Set.of("abort", "action", "add", "after", "analyze", "attach", "autoincrement", "before", "begin",
                "cascade", "conflict", "database", "deferrable", "deferred", "detach", "each", "escape", "exclusive",
                "explain", "fail", "glob", "if", "ignore", "immediate", "indexed", "initially", "instead", "isnull",
                "match", "no", "notnull", "of", "plan", "pragma", "query", "raise", "recursive", "regexp", "reindex",
                "release", "rename", "replace", "restrict", "rollback", "row", "savepoint", "temp", "temporary",
                "transaction", "trigger", "vacuum", "view", "virtual", "without"));
        RESERVED = Set.copyOf(s);
    }

    /** sqlite-jdbc steps a JDBC batch row by row through JNI; one multi-row statement per page costs about 40% less. */
    @Override
    public boolean prefersMultiValuesInsertToBatch() {
        return true;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String driverName() {
        return "sqlite-jdbc";
    }

    /** True when the URL names an in-memory database. */
    public static boolean isMemory(URL url) {
        String db = url.database();
        return db == null || db.equals(":memory:") || db.startsWith("file::memory:");
    }

    @Override
    public ConnectSpec connectSpec(URL url) {
        DriverNames.checkDriver(url, Set.of("sqlitejdbc", "xerial", "jdbc"), "xerial sqlite-jdbc");
        String path = isMemory(url) ? ":memory:" : url.database();
        var props = DriverNames.properties(url, Map.of("foreign_keys", "true", "busy_timeout", "5000"));
        return new ConnectSpec("org.sqlite.JDBC", "jdbc:sqlite:" + path, props);
    }

    @Override
    public boolean usesNetwork() {
        return false;
    }

    private static final org.jalchemy.dialect.SqlLexicon LEXICON = new org.jalchemy.dialect.SqlLexicon(false, false,
            false, true, true, false, false, false, false, ":@$", org.jalchemy.dialect.SqlLexicon.QuestionMark.REFUSE);

    /**
     * Backtick and [bracket] identifiers besides "double quotes"; SQLite binds :name, @name, $name
     * and ? itself (to NULL when no value is given), so text() must not leave any in the SQL.
     */
    @Override
    public org.jalchemy.dialect.SqlLexicon lexicon() {
        return LEXICON;
    }

    /** The busy timeout: how long a statement waits for another connection's lock ({@code sqlite3_busy_timeout}). */
    @Override
    public void applyLockTimeout(java.sql.Connection c, java.time.Duration timeout) throws SQLException {
        c.unwrap(org.sqlite.SQLiteConnection.class).setBusyTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Every BEGIN mode exists; none is set on the driver (see {@link #beginTransaction}). */
    @Override
    public void applyTransactionMode(java.util.Properties props, String mode) {
    }

    /**
     * {@code BEGIN IMMEDIATE} (or EXCLUSIVE) when jalchemy starts a transaction, not sqlite-jdbc's
     * {@code transaction_mode}: the driver begins the next transaction the moment the previous one
     * ends, so a connection idle in the pool would hold the write lock and block every other
     * writer. The driver's own DEFERRED begin, which takes no lock, is ended first.
     */
    @Override
    public void beginTransaction(java.sql.Connection c, String mode) throws SQLException {
        if (c.getAutoCommit()) {
            return;
        }
        try (var st = c.createStatement()) {
            st.execute("COMMIT");
            st.execute("BEGIN " + mode);
        }
    }

    /**
     * sqlite-jdbc's {@code setQueryTimeout} is only a busy timeout; a statement is bounded instead
     * by a progress handler that interrupts it ({@code SQLITE_INTERRUPT}) once the deadline passes.
     */
    @Override
    public void startStatementTimeout(java.sql.Connection c, java.sql.PreparedStatement ps, long timeoutMillis)
            throws SQLException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        org.sqlite.ProgressHandler.setHandler(c.unwrap(org.sqlite.SQLiteConnection.class), 1000,
                new org.sqlite.ProgressHandler() {
                    @Override
                    protected int progress() {
                        return System.nanoTime() - deadline > 0 ? 1 : 0;
                    }
                });
    }

    @Override
    public void endStatementTimeout(java.sql.Connection c, java.sql.PreparedStatement ps) throws SQLException {
        org.sqlite.ProgressHandler.clearHandler(c.unwrap(org.sqlite.SQLiteConnection.class));
    }

    @Override
    public int maxIdentifierLength() {
        return 1024;
    }

    @Override
    public Set<String> reservedWords() {
        return RESERVED;
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean supportsUpsert() {
        return true;
    }

    @Override
    public boolean supportsSchemas() {
        return false;
    }

    @Override
    public org.jalchemy.types.TypeCompiler typeCompiler() {
        return new SqliteTypeCompiler(this);
    }

    @Override
    public org.jalchemy.schema.DdlCompiler ddlCompiler() {
        return new SqliteDdlCompiler(this);
    }

    @Override
    public org.jalchemy.schema.Reflector reflector() {
        return new SqliteReflector(this);
    }

    @Override
    public boolean supportsAlterConstraint() {
        return false;
    }

    /**
     * Dates and times as ISO text (as SQLAlchemy stores them), UUID as CHAR(36) text, NUMERIC bound
     * as REAL when exact ({@link SqliteNumeric}).
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> org.jalchemy.types.SqlType<T> typeImpl(org.jalchemy.types.SqlType<T> type) {
        org.jalchemy.types.SqlType<?> impl = switch (type) {
            case org.jalchemy.types.DateTimeType t -> SqliteTemporalTypes.DATE_TIME;
            case org.jalchemy.types.OffsetDateTimeType t -> SqliteTemporalTypes.OFFSET_DATE_TIME;
            case org.jalchemy.types.DateType t -> SqliteTemporalTypes.DATE;
            case org.jalchemy.types.TimeType t -> SqliteTemporalTypes.TIME_OF_DAY;
            case org.jalchemy.types.UuidType t -> org.jalchemy.types.UuidAsStringType.INSTANCE;
            case org.jalchemy.types.NumericType t -> new SqliteNumeric(t);
            case org.jalchemy.types.TypeDecorator<T, ?> d -> d.withImpl(this::typeImpl);
            default -> type;
        };
        return (org.jalchemy.types.SqlType<T>) impl;
    }

    /**
     * sqlite-jdbc reports the SQLite (extended) result code as the vendor code and seldom a SQLSTATE.
     * SQLITE_ERROR is split by message: syntax and unknown-object errors are programming errors
     * (SQLAlchemy's pysqlite would say OperationalError; we prefer the same class on every database).
     */
    @Override
    public ErrorKind classify(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().length() == 5 && !e.getSQLState().startsWith("HY")) {
            return classifySqlState(e.getSQLState());
        }
        int primary = e.getErrorCode() & 0xff;
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return switch (primary) {
            case 19, 20 -> ErrorKind.INTEGRITY;               // CONSTRAINT, MISMATCH
            case 18 -> ErrorKind.DATA;                        // TOOBIG
            case 2, 12 -> ErrorKind.INTERNAL;                 // INTERNAL, NOTFOUND
            case 21, 25 -> ErrorKind.INTERFACE;               // MISUSE, RANGE
            case 11, 26 -> ErrorKind.DATABASE;                // CORRUPT, NOTADB
            case 1 -> msg.contains("syntax error") || msg.contains("no such") || msg.contains("has no column")
                    || msg.contains("already exists") || msg.contains("incomplete input")
                    || msg.contains("ambiguous column") || msg.contains("wrong number of arguments")
                    ? ErrorKind.PROGRAMMING : ErrorKind.OPERATIONAL;
            case 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 22, 23 -> ErrorKind.OPERATIONAL;
            default -> ErrorKind.DATABASE;
        };
    }

    /**
     * SQLITE_BUSY (and its extended codes, e.g. BUSY_SNAPSHOT) and SQLITE_LOCKED: another
     * connection holds the lock. Within the busy timeout SQLite waits by itself; a DEFERRED
     * transaction that must upgrade its read lock to a write lock fails at once instead (SQLite
     * cannot wait there without risking a deadlock), and only running the transaction again helps
     * (or {@code transactionMode=IMMEDIATE}).
     */
    @Override
    public boolean isRetryable(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == 5 || primary == 6 || super.isRetryable(e);
    }

    @Override
    public boolean isDisconnect(SQLException e) {
        String msg = String.valueOf(e.getMessage());
        return msg.contains("database connection closed") || msg.contains("Cannot operate on a closed database");
    }

    @Override
    public org.jalchemy.sql.SqlCompiler newSqlCompiler() {
        return new SqliteCompiler(this);
    }
}
