package org.jalchemy.dialect.postgresql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DriverNames;
import org.jalchemy.dialect.ReservedWords;
import org.jalchemy.engine.URL;
import org.jalchemy.exc.ErrorKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL through pgjdbc. URL: {@code postgresql://user:password@host:5432/database}; query
 * options go to pgjdbc as connection properties (e.g. {@code ?sslmode=require}).
 *
 * <p>Hazard: after any failed statement PostgreSQL aborts the whole transaction ("current
 * transaction is aborted"); only a rollback (or rollback to a savepoint) makes the connection
 * usable again. jalchemy's Connection and Session roll back on error paths for that reason.
 */
public class PostgresDialect extends Dialect {
    private static final Set<String> RESERVED;

    static {
        Set<String> s = new HashSet<>(ReservedWords.SQL_STANDARD);
        s.addAll(Set.of("analyse", "analyze", "concurrently", "current_catalog", "current_schema", "deferrable",
                "freeze", "ilike", "initially", "isnull", "lateral", "notnull", "placing", "tablesample",
                "variadic"));
        RESERVED = Set.copyOf(s);
    }

    private int serverVersion = Integer.MAX_VALUE;

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String driverName() {
        return "pgjdbc";
    }

    /**
     * {@code jdbc:postgresql://host:port/db}; a URL listing several hosts
     * ({@code postgresql://u@pg1:5432,pg2:5432/db?targetServerType=primary}) becomes pgjdbc's
     * multi-host form {@code jdbc:postgresql://pg1:5432,pg2:5432/db}: each connection goes to the
     * first host that answers and matches {@code targetServerType} ({@code any}, {@code primary},
     * {@code secondary}, {@code preferSecondary}; pgjdbc's {@code loadBalanceHosts} and
     * {@code hostRecheckSeconds} apply too). These, like every query option, are passed to pgjdbc
     * as connection properties. pgjdbc does not move a live connection: one whose server dies
     * raises a lost-connection error and is discarded, and the next one goes to a host that answers.
     */
    @Override
    public ConnectSpec connectSpec(URL url) {
        DriverNames.checkDriver(url, Set.of("pgjdbc", "postgresql", "jdbc"), "pgjdbc");
        String db = url.database() == null ? "" : url.database();
        var props = DriverNames.properties(url, Map.of("ApplicationName", "jalchemy"));
        return new ConnectSpec("org.postgresql.Driver",
                "jdbc:postgresql://" + DriverNames.hostList(url, 5432) + "/" + db, props);
    }

    /**
     * pgjdbc: {@code loginTimeout} (seconds, fractions allowed) bounds the whole login;
     * {@code connectTimeout} the TCP connect; {@code socketTimeout} makes the login thread pgjdbc
     * leaves behind on a timeout give up as well (the engine resets it once connected);
     * {@code cancelSignalTimeout} bounds the cancel request of a timed-out statement, which opens a
     * connection of its own (pgjdbc waits for it before the statement returns: 10 s by default).
     */
    @Override
    public void applyConnectTimeout(java.util.Properties props, java.time.Duration timeout) {
        long ms = timeout.toMillis();
        int seconds = (int) Math.max(1, (ms + 999) / 1000);
        props.putIfAbsent("loginTimeout", String.valueOf(ms / 1000.0));
        props.putIfAbsent("connectTimeout", String.valueOf(seconds));
        props.putIfAbsent("socketTimeout", String.valueOf(seconds));
        props.putIfAbsent("cancelSignalTimeout", String.valueOf(seconds));
    }

    @Override
    public boolean applySessionStatementTimeout(Connection c, java.time.Duration timeout) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET statement_timeout = " + timeout.toMillis());
        }
        return true;
    }

    @Override
    public void applyLockTimeout(Connection c, java.time.Duration timeout) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET lock_timeout = " + timeout.toMillis());
        }
    }

    @Override
    public void initialize(Connection connection) throws SQLException {
        var md = connection.getMetaData();
        serverVersion = md.getDatabaseMajorVersion() * 10000 + md.getDatabaseMinorVersion() * 100;
    }

    @Override
    public int serverVersion() {
        return serverVersion;
    }

    /**
     * A standby's replay delay: zero when it is a primary or has replayed all the WAL it received,
     * else the time since the last transaction it replayed was committed on the primary
     * ({@code pg_last_xact_replay_timestamp()}; since the server started when it has replayed
     * none). Hazard: WAL the standby has not received yet (a broken stream) is not seen; the
     * primary's {@code pg_stat_replication} tells that.
     */
    @Override
    public java.time.Duration replicationLag(Connection c) throws SQLException {
        try (var st = c.createStatement();
             var rs = st.executeQuery("SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
                     + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
                     + " ELSE EXTRACT(EPOCH FROM clock_timestamp()"
                     + " - COALESCE(pg_last_xact_replay_timestamp(), pg_postmaster_start_time())) END")) {
            rs.next();
            return java.time.Duration.ofNanos((long) (rs.getDouble(1) * 1e9));
        }
    }

    @Override
    public Set<String> reservedWords() {
        return RESERVED;
    }

    private static final org.jalchemy.dialect.SqlLexicon LEXICON = new org.jalchemy.dialect.SqlLexicon(false, true,
            false, false, false, false, false, true, true, "", org.jalchemy.dialect.SqlLexicon.QuestionMark.DOUBLE);

    /** Standard strings (standard_conforming_strings), E'...' escapes, $$ dollar quotes, nested comments; a literal ? is ??. */
    @Override
    public org.jalchemy.dialect.SqlLexicon lexicon() {
        return LEXICON;
    }

    /** NAMEDATALEN - 1: 63 bytes of the server encoding (UTF-8), not characters; longer names are silently truncated. */
    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public int identifierLength(String name) {
        return name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Override
    public String identifierLengthUnit() {
        return "bytes";
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
    public boolean nullsSortHigh() {
        return true;
    }

    @Override
    public boolean supportsNativeBoolean() {
        return true;
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public boolean supportsNativeEnum() {
        return true;
    }

    @Override
    public boolean supportsNativeUuid() {
        return true;
    }

    @Override
    public org.jalchemy.types.TypeCompiler typeCompiler() {
        return new PostgresTypeCompiler(this);
    }

    @Override
    public org.jalchemy.schema.DdlCompiler ddlCompiler() {
        return new PostgresDdlCompiler(this);
    }

    @Override
    public org.jalchemy.schema.Reflector reflector() {
        return new PostgresReflector(this);
    }

    /** Enums are sent untyped (cast by the server to the enum type); INTERVAL is native. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> org.jalchemy.types.SqlType<T> typeImpl(org.jalchemy.types.SqlType<T> type) {
        if (type instanceof org.jalchemy.types.EnumValues) {
            return new PgEnumType(type);
        }
        if (type instanceof org.jalchemy.types.JsonType j) {
            return new PgJsonType(j);
        }
        if (type instanceof org.jalchemy.types.IntervalType) {
            return (org.jalchemy.types.SqlType<T>) PgIntervalType.INSTANCE;
        }
        if (type instanceof org.jalchemy.types.TypeDecorator<T, ?> d) {
            return d.withImpl(this::typeImpl);
        }
        return type;
    }

    @Override
    public ErrorKind classify(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.equals("57014") || state.startsWith("57P"))) {
            return ErrorKind.OPERATIONAL; // query cancelled / admin shutdown
        }
        return classifySqlState(state);
    }

    /**
     * Besides serialization failure (40001) and deadlock (40P01): lock_timeout expired (55P03), and
     * a statement pgjdbc had prepared on the server before another client (an Alembic migration)
     * altered its table ("cached plan must not change result type", 0A000): pgjdbc drops the plan
     * with the failure, so the transaction run again prepares it anew.
     */
    @Override
    public boolean isRetryable(SQLException e) {
        return "55P03".equals(e.getSQLState()) || super.isRetryable(e) || ("0A000".equals(e.getSQLState())
                && e.getMessage() != null && e.getMessage().contains("cached plan must not change result type"));
    }

    @Override
    public boolean isDisconnect(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"))) {
            return true;
        }
        String msg = String.valueOf(e.getMessage());
        return msg.contains("This connection has been closed") || msg.contains("An I/O error occurred");
    }

    @Override
    public org.jalchemy.sql.SqlCompiler newSqlCompiler() {
        return new PostgresCompiler(this);
    }
}
