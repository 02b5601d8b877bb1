package org.jalchemy.dialect;

import org.jalchemy.engine.URL;
import org.jalchemy.exc.ErrorKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Everything jalchemy must know about one database: how to connect (driver, JDBC URL and
 * properties), how to quote identifiers, what the database can do (feature flags), how its errors
 * translate into jalchemy's exception classes, and which errors mean the connection is gone.
 * SQL and DDL compilation hooks are added by the compilers of the {@code sql} and {@code schema}
 * packages through {@link #newSqlCompiler()}-style factories in subclasses.
 *
 * <p>One package per database ({@code org.jalchemy.dialect.sqlite}, {@code .postgresql},
 * {@code .mysql}, ...); each registers a {@link DialectProvider} with {@link java.util.ServiceLoader},
 * so nothing outside a dialect package refers to it by class.
 *
 * <p>Lifecycle and hazards: an engine owns one dialect instance. Server-dependent facts (version,
 * MariaDB vs MySQL) are filled in by {@link #initialize(Connection)} on the engine's first
 * connection, once, before any other thread sees the dialect; afterwards the instance is read-only
 * and safe to share. A dialect created without an engine (for {@code compile(dialect)}) assumes
 * the newest server version it knows.
 */
public abstract class Dialect {

    /** Short name as used in URLs: {@code sqlite}, {@code postgresql}, {@code mysql}, {@code mariadb}. */
    public abstract String name();

    /** Name of the JDBC driver this dialect talks through, for messages ({@code pgjdbc}, ...). */
    public abstract String driverName();

    /** Builds the JDBC URL and properties for a parsed jalchemy URL; validates the driver suffix. */
    public abstract ConnectSpec connectSpec(URL url);

    /** Runs on every new raw connection before the pool hands it out (pragmas, session settings). */
    public void onConnect(Connection connection) throws SQLException {
    }

    /** Reads server facts (version, flavour) from the engine's first connection. */
    public void initialize(Connection connection) throws SQLException {
    }

    /** Server version as {@code major*10000 + minor*100 + patch}, or {@link Integer#MAX_VALUE} if unknown. */
    public int serverVersion() {
        return Integer.MAX_VALUE;
    }

    // ----------------------------------------------------------------- timeouts

    /**
     * False for an embedded database (SQLite): no sockets, so no connect or network timeouts.
     */
    public boolean usesNetwork() {
        return true;
    }

    /**
     * Adds the driver properties that bound opening one connection (TCP connect, TLS, login) to
     * {@code timeout}. Properties already present (from the URL or {@code connectArg}) win. The
     * default adds nothing; network dialects map it onto their driver's options.
     */
    public void applyConnectTimeout(Properties props, java.time.Duration timeout) {
    }

    /**
     * Sets {@code timeout} as the statement timeout of the session on the server, and returns
     * true, when this database can enforce one for every statement (PostgreSQL
     * {@code statement_timeout}, MariaDB {@code max_statement_time}); false when it cannot, and
     * jalchemy then times each statement with {@link #startStatementTimeout}. Runs on every new
     * connection, before the pool hands it out.
     */
    public boolean applySessionStatementTimeout(Connection c, java.time.Duration timeout) throws SQLException {
        return false;
    }

    /** Sets how long a statement waits for another transaction's lock; runs on every new connection. */
    public void applyLockTimeout(Connection c, java.time.Duration timeout) throws SQLException {
        throw new org.jalchemy.exc.ArgumentError("lockTimeout is not supported by the " + name() + " dialect");
    }

    /**
     * Checks that this database has the BEGIN mode {@code mode} ({@code DEFERRED},
     * {@code IMMEDIATE}, {@code EXCLUSIVE}: SQLite's); others accept only {@code DEFERRED}, as they
     * take locks per statement and have no such choice.
     */
    public void applyTransactionMode(Properties props, String mode) {
        if (mode != null && !mode.equals("DEFERRED")) {
            throw new org.jalchemy.exc.ArgumentError("transactionMode " + mode + " is SQLite's BEGIN mode; the "
                    + name() + " dialect takes locks per statement and has no such option");
        }
    }

    /**
     * Starts a transaction in BEGIN mode {@code mode} on {@code c}, just before the transaction's
     * first statement; only called for a non-default {@code transactionMode}.
     */
    public void beginTransaction(Connection c, String mode) throws SQLException {
    }

    /**
     * Bounds the statement about to run on {@code ps} to {@code timeoutMillis} when the server
     * does not time the session's statements itself. Default: JDBC {@code setQueryTimeout},
     * rounded up to whole seconds (the driver cancels the statement).
     */
    public void startStatementTimeout(Connection c, java.sql.PreparedStatement ps, long timeoutMillis) throws SQLException {
        ps.setQueryTimeout((int) Math.max(1, (timeoutMillis + 999) / 1000));
    }

    /**
     * Called when the rows of {@code ps}, a statement kept in the connection's statement cache,
     * have been read or closed, before the statement waits for its next use: a driver whose
     * statement keeps its last result reachable after {@code ResultSet.close()} lets it go here,
     * so a cached statement does not pin a whole result in memory until it runs again.
     * Default: nothing (pgjdbc and sqlite-jdbc release a result's rows when it is closed).
     */
    public void releaseClosedResult(java.sql.PreparedStatement ps) throws SQLException {
    }

    /**
     * The fetch size jalchemy gives a query run without {@code yieldPer}, so that a driver that
     * otherwise reads the whole result inside {@code executeQuery} streams it while jalchemy
     * drains it ({@code all()}, {@code one()}, the ORM's loading); 0 (the default) leaves the
     * driver's own. Hazard: a streamed result keeps the server's query open until it is read, and
     * MySQL/MariaDB drop the connection of a reader that stops reading for longer than
     * {@code net_write_timeout}; so before rows are handed to the application at its own pace
     * (iterators, {@code fetchMany}, {@code partitions}), {@code Result} has the driver read the
     * rest into memory ({@link org.jalchemy.engine.Result#bufferRemaining()}), as it would have
     * without this fetch size. Only for drivers whose {@code ResultSet.setFetchSize(0)} does that.
     */
    public int drainFetchSize() {
        return 0;
    }

    /** Undoes {@link #startStatementTimeout} (the statement may be cached and reused). */
    public void endStatementTimeout(Connection c, java.sql.PreparedStatement ps) throws SQLException {
        ps.setQueryTimeout(0);
    }

    /**
     * Sets the driver's socket read timeout of connection {@code c} (0: none): how long it waits
     * for any answer from the server before it gives the connection up. No-op without a network.
     */
    public void setNetworkTimeout(Connection c, int millis) throws SQLException {
        if (usesNetwork()) {
            c.setNetworkTimeout(Runnable::run, millis);
        }
    }

    /**
     * How far the server behind {@code c} is behind its primary when it is a read replica
     * ({@link org.jalchemy.engine.EngineSet} compares it with its {@code maxLag}): zero for a
     * primary or a server that is not replicated, {@link java.time.temporal.ChronoUnit#FOREVER}'s
     * duration when it is a replica whose lag cannot be told (replication stopped). The default,
     * for databases without replicas (SQLite), is zero. Runs a query on {@code c}, inside its
     * transaction.
     */
    public java.time.Duration replicationLag(Connection c) throws SQLException {
        return java.time.Duration.ZERO;
    }

    // ----------------------------------------------------------------- identifiers

    /** Opening quote character for delimited identifiers. */
    public String identifierQuoteStart() {
        return "\"";
    }

    /** Closing quote character for delimited identifiers. */
    public String identifierQuoteEnd() {
        return "\"";
    }

    /**
     * Longest identifier the database accepts, in the unit of {@link #identifierLength}; longer
     * generated names are truncated deterministically, longer explicit names refused.
     */
    public int maxIdentifierLength() {
        return 63;
    }

    /** The length of {@code name} as the database counts it against {@link #maxIdentifierLength()}: characters by default. */
    public int identifierLength(String name) {
        return name.codePointCount(0, name.length());
    }

    /** The unit of {@link #identifierLength}, for messages: {@code characters} or {@code bytes}. */
    public String identifierLengthUnit() {
        return "characters";
    }

    /**
     * Returns {@code name}, or raises {@link org.jalchemy.exc.CompileError} when it is longer than
     * the database accepts: some databases (PostgreSQL) silently truncate such names, so two long
     * names could become one table, and look-ups by the full name would miss it.
     */
    public String checkIdentifier(String name) {
        int length = identifierLength(name);
        if (length > maxIdentifierLength()) {
            throw new org.jalchemy.exc.CompileError("Identifier '" + name + "' is " + length + " "
                    + identifierLengthUnit() + " long; the " + name() + " dialect accepts at most " + maxIdentifierLength()
                    + " " + identifierLengthUnit() + " (a longer name would be truncated or refused by the database)."
                    + " Use a shorter name.");
        }
        return name;
    }

    /** Words that must be quoted when used as identifiers (lower case). */
    public Set<String> reservedWords() {
        return ReservedWords.SQL_STANDARD;
    }

    /**
     * Always quotes {@code name}, doubling any closing-quote character inside it. A NUL character
     * raises {@link org.jalchemy.exc.CompileError}: no database accepts it in a name, and some
     * (SQLite) would read the SQL text only up to it.
     */
    public String quote(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new org.jalchemy.exc.CompileError("Identifier '" + name.replace("\0", "\\0")
                    + "' contains a NUL character, which no database accepts in a name");
        }
        String end = identifierQuoteEnd();
        return identifierQuoteStart() + name.replace(end, end + end) + end;
    }

    /**
     * Quotes {@code name} only when it needs it: when it is not a plain lower-case identifier
     * ({@code [a-z_][a-z0-9_$]*}), or is a reserved word. Mixed-case names are therefore quoted and
     * keep their case, as in SQLAlchemy.
     */
    public String quoteIdentifier(String name) {
        return requiresQuotes(name) ? quote(name) : name;
    }

    /** True when {@link #quoteIdentifier(String)} would quote {@code name}. */
    public boolean requiresQuotes(String name) {
        if (name.isEmpty()) {
            return true;
        }
        char c0 = name.charAt(0);
        if (!((c0 >= 'a' && c0 <= 'z') || c0 == '_')) {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) {
                return true;
            }
        }
        return reservedWords().contains(name.toLowerCase(Locale.ROOT));
    }

    /** How this database lexes SQL text, for {@code text()}'s parameters; standard SQL by default. */
    public SqlLexicon lexicon() {
        return SqlLexicon.STANDARD;
    }

    // ----------------------------------------------------------------- features

    /** {@code INSERT/UPDATE/DELETE ... RETURNING} (or the dialect's equivalent) is available. */
    public boolean supportsReturning() {
        return false;
    }

    /** SAVEPOINT / ROLLBACK TO SAVEPOINT / RELEASE SAVEPOINT. */
    public boolean supportsSavepoints() {
        return true;
    }

    /** DDL statements take part in transactions (rolled back with them). */
    public boolean transactionalDdl() {
        return false;
    }

    /** An upsert form exists ({@code ON CONFLICT}, {@code ON DUPLICATE KEY UPDATE}, {@code MERGE}). */
    public boolean supportsUpsert() {
        return false;
    }

    /** Multi-row {@code INSERT ... VALUES (...), (...)}. */
    public boolean supportsMultiValuesInsert() {
        return true;
    }

    /**
     * Many rows without values to read back go faster as pages of multi-row
     * {@code INSERT ... VALUES} than as one JDBC batch (true where the driver executes a batch
     * row by row, as sqlite-jdbc does through JNI; false where the batch is one round trip or is
     * rewritten by the driver). The ORM's flush asks it; Core's {@code executemany} keeps the batch.
     */
    public boolean prefersMultiValuesInsertToBatch() {
        return false;
    }

    /** A real BOOLEAN column type (otherwise an integer/bit column with 0/1). */
    public boolean supportsNativeBoolean() {
        return false;
    }

    /** CREATE SEQUENCE / nextval. */
    public boolean supportsSequences() {
        return false;
    }

    /** Enum types that exist in the schema (PostgreSQL CREATE TYPE, MySQL ENUM column type). */
    public boolean supportsNativeEnum() {
        return false;
    }

    /** A native UUID column type. */
    public boolean supportsNativeUuid() {
        return false;
    }

    /**
     * NULL sorts above every value (last in ascending order, first in descending) when an ORDER BY
     * says neither NULLS FIRST nor NULLS LAST: PostgreSQL and Oracle; below every value on SQLite,
     * MySQL/MariaDB and SQL Server. Code that merges sorted results in memory (sharding) follows it.
     */
    public boolean nullsSortHigh() {
        return false;
    }

    /** FULL OUTER JOIN. */
    public boolean supportsFullOuterJoin() {
        return true;
    }

    /** Schemas other than the default one ({@code schema.table}). */
    public boolean supportsSchemas() {
        return true;
    }

    // ----------------------------------------------------------------- schema: DDL, type names, reflection

    /** Renders type names for DDL and CAST on this dialect; dialects with their own names override it. */
    public org.jalchemy.types.TypeCompiler typeCompiler() {
        return new org.jalchemy.types.TypeCompiler(this);
    }

    /** Renders CREATE/DROP/ALTER statements for schema objects on this dialect. */
    public org.jalchemy.schema.DdlCompiler ddlCompiler() {
        return new org.jalchemy.schema.DdlCompiler(this);
    }

    /** Reads a live schema (tables, columns, keys, indexes) on this dialect. */
    public org.jalchemy.schema.Reflector reflector() {
        return new org.jalchemy.schema.Reflector(this);
    }

    /**
     * {@code ALTER TABLE ... ADD/DROP CONSTRAINT} for foreign keys exists, so createAll can break
     * dependency cycles by adding foreign keys after the tables (SQLite cannot: its foreign keys
     * stay inline, which it allows since it does not check the target at CREATE time).
     */
    public boolean supportsAlterConstraint() {
        return true;
    }

    // ----------------------------------------------------------------- types

    /**
     * The implementation of {@code type} on this dialect (SQLAlchemy's {@code dialect.type_descriptor}):
     * e.g. a UUID stored as CHAR(36) where there is no native UUID. Compilers call this once per
     * bind slot and result column when compiling, so the per-value path has no dialect branches.
     */
    public <T> org.jalchemy.types.SqlType<T> typeImpl(org.jalchemy.types.SqlType<T> type) {
        return type;
    }

    // ----------------------------------------------------------------- SQL compilation

    /**
     * A new compiler for expression-language statements on this dialect (one per compile; they are
     * not thread-safe). Dialect packages return their subclass of {@link org.jalchemy.sql.SqlCompiler}.
     */
    public org.jalchemy.sql.SqlCompiler newSqlCompiler() {
        return new org.jalchemy.sql.SqlCompiler(this);
    }

    // ----------------------------------------------------------------- errors

    /**
     * Which jalchemy exception class a driver error becomes. The default reads the SQLSTATE class;
     * dialects refine it with vendor codes.
     */
    public ErrorKind classify(SQLException e) {
        return classifySqlState(e.getSQLState());
    }

    /** Standard SQLSTATE class mapping shared by dialects. */
    protected static ErrorKind classifySqlState(String state) {
        if (state == null || state.length() < 2) {
            return ErrorKind.DATABASE;
        }
        return switch (state.substring(0, 2)) {
            case "23" -> ErrorKind.INTEGRITY;
            case "22" -> ErrorKind.DATA;
            case "42", "3F", "2B", "26", "34" -> ErrorKind.PROGRAMMING;
            case "08", "40", "53", "54", "55", "57", "58", "28", "HY", "HZ", "S1" -> ErrorKind.OPERATIONAL;
            case "0A" -> ErrorKind.NOT_SUPPORTED;
            case "XX", "25", "2D" -> ErrorKind.INTERNAL;
            case "07", "01", "0B" -> ErrorKind.INTERFACE;
            default -> ErrorKind.DATABASE;
        };
    }

    /**
     * True when {@code e} is a conflict with concurrent transactions that running the whole
     * transaction again may get past: serialization failure (SQLSTATE 40001) and deadlock (40P01)
     * by default; dialects add their own (PostgreSQL lock_timeout 55P03, MySQL/MariaDB deadlock 1213
     * and lock wait timeout 1205, SQLite busy). Retrying transactions ({@code RetryPolicy}) read this, so a
     * dialect variant (a cluster's certification conflict, a distributed database's restart error)
     * declares its own codes here.
     */
    public boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** True when {@code e} means the connection is unusable and must be discarded from the pool. */
    public boolean isDisconnect(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }

    @Override
    public String toString() {
        return "Dialect[" + name() + "]";
    }

    /** How to open a JDBC connection: driver class, JDBC URL and properties (credentials included). */
    public record ConnectSpec(String driverClassName, String jdbcUrl, Properties properties) {
    }
}
