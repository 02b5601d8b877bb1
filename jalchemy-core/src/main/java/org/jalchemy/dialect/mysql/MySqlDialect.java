package org.jalchemy.dialect.mysql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.DriverNames;
import org.jalchemy.dialect.ReservedWords;
import org.jalchemy.engine.URL;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.ErrorKind;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB through mariadb-java-client (which speaks to both). URLs {@code mysql://...}
 * and {@code mariadb://...}; the server flavour and version are read on the first connection and
 * decide feature flags (MariaDB 10.5+ has {@code INSERT ... RETURNING}; MySQL has none).
 *
 * <p>Hazards: DDL is not transactional (each DDL statement commits); identifiers are quoted with
 * back-ticks; BOOLEAN is TINYINT(1); there is no FULL OUTER JOIN. Sessions run with
 * {@code NO_AUTO_VALUE_ON_ZERO} added to their sql_mode (an explicit 0 key is stored as 0).
 */
public class MySqlDialect extends Dialect {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Set<String> RESERVED;

    static {
        Set<String> s = new HashSet<>(ReservedWords.SQL_STANDARD);
        s.addAll(Set.of("accessible", "add", "analyze", "before", "bigint", "blob", "call", "cascade", "change",
                "char", "character", "condition", "continue", "convert", "database", "databases", "dec", "decimal",
                "declare", "delayed", "describe", "div", "double", "dual", "each", "elseif", "enclosed", "escaped",
                "exit", "explain", "float", "force", "fulltext", "if", "ignore", "infile", "int", "integer",
                "interval", "keys", "kill", "leave", "lines", "load", "lock", "long", "loop", "match", "mod",
                "modifies", "numeric", "optimize", "option", "out", "outfile", "precision", "procedure", "purge",
                "range", "read", "real", "regexp", "release", "rename", "repeat", "replace", "require", "restrict",
                "return", "revoke", "rlike", "row", "rows", "schema", "schemas", "separator", "show", "signal",
                "smallint", "spatial", "sql", "ssl", "starting", "status", "straight_join", "terminated",
                "tinyint", "trigger", "undo", "unlock", "unsigned", "usage", "use", "varchar", "varying", "while",
                "write", "xor", "year_month", "zerofill", "rank", "groups", "function", "system"));
        RESERVED = Set.copyOf(s);
    }

    private final String urlName;
    private boolean mariaDb;
    private boolean noBackslashEscapes;
    private boolean ansiQuotes;
    private int serverVersion = Integer.MAX_VALUE;

    public MySqlDialect(String urlName) {
        this.urlName = urlName;
        this.mariaDb = "mariadb".equals(urlName);
    }

    /** {@code mysql} or {@code mariadb}, as named in the URL. */
    @Override
    public String name() {
        return urlName;
    }

    @Override
    public String driverName() {
        return "mariadb-java-client";
    }

    /** True when the server is MariaDB (known after the first connection, or from a mariadb:// URL). */
    public boolean isMariaDb() {
        return mariaDb;
    }

    /**
     * Turns off mariadb-java-client's own logging unless the application chose
     * ({@code -Dmariadb.logging.disable=false} keeps it): the driver logs a WARN for every server error
     * (to the console when there is no SLF4J provider), and the {@code DBAPIError} jalchemy raises
     * already carries the error, the SQL and the parameters. The driver reads the property when its
     * logging starts; if that has happened, its {@code Loggers.init()} re-reads it.
     */
    static void quietDriverLogging() {
        if (System.getProperty("mariadb.logging.disable") != null) {
            return;
        }
        System.setProperty("mariadb.logging.disable", "true");
        try {
            Class.forName("org.mariadb.jdbc.util.log.Loggers").getMethod("init").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // another driver version: the property alone applies from its first use
        }
    }

    /** The URL query option naming mariadb-java-client's high-availability mode; see {@link #connectSpec}. */
    public static final String HA_MODE = "haMode";

    /** mariadb-java-client's high-availability modes (its {@code HaMode}), as written after {@code jdbc:mariadb:}. */
    private static final Map<String, String> HA_MODES = Map.of("sequential", "sequential", "loadbalance", "loadbalance",
            "load-balance", "loadbalance", "load-balance-read", "load-balance-read", "replication", "replication");

    /**
     * {@code jdbc:mariadb://host:port/db}; a URL listing several hosts
     * ({@code mariadb://u@h1:3306,h2:3306,h3:3306/db}, e.g. the nodes of a Galera cluster) becomes
     * the driver's failover form {@code jdbc:mariadb:sequential://h1:3306,h2:3306,h3:3306/db}: each
     * connection goes to the first host that answers, and one whose server dies is reconnected by
     * the driver to the next (the open transaction is lost: SQLSTATE 25S03, see
     * {@link #isDisconnect}). The query option {@code haMode} ({@code sequential},
     * {@code loadbalance}, {@code load-balance-read}, {@code replication}) chooses another of the
     * driver's modes, e.g. {@code loadbalance} to spread connections over every node; it is not
     * passed on as a connection property.
     */
    @Override
    public ConnectSpec connectSpec(URL url) {
        quietDriverLogging();
        DriverNames.checkDriver(url, Set.of("mariadb", "mariadbconnector", "jdbc"), "mariadb-java-client");
        String db = url.database() == null ? "" : url.database();
        var props = DriverNames.properties(url, Map.of());
        String mode = (String) props.remove(HA_MODE);
        String prefix;
        if (mode != null) {
            prefix = HA_MODES.get(mode.toLowerCase(Locale.ROOT));
            if (prefix == null) {
                throw new ArgumentError("Unknown haMode '" + mode + "' in database URL '" + url
                        + "'; mariadb-java-client's modes are sequential, loadbalance, load-balance-read, replication.");
            }
        } else {
            prefix = url.hosts().size() > 1 ? "sequential" : null;
        }
        return new ConnectSpec("org.mariadb.jdbc.Driver",
                "jdbc:mariadb:" + (prefix == null ? "" : prefix + ":") + "//" + DriverNames.hostList(url, 3306) + "/" + db,
                props);
    }

    /**
     * mariadb-java-client keeps a statement's last result, every row of it, reachable from the
     * statement after {@code ResultSet.close()} until the statement executes again: a cached
     * statement that read 500,000 rows pinned about 37 MB until its SQL ran once more.
     * {@code getMoreResults()} drops it (the result is complete, so there is nothing left to read
     * from the server and no round trip).
     */
    @Override
    public void releaseClosedResult(java.sql.PreparedStatement ps) throws SQLException {
        ps.getMoreResults();
    }

    /**
     * 1,000 rows. By itself, mariadb-java-client reads every row of a result off the socket
     * inside {@code executeQuery}, and decoding the rows then walks that whole buffer again, long
     * out of the CPU caches; read in chunks, each row is decoded while its bytes are still cached
     * (500,000 three-column rows as ORM objects: 0.124 s instead of 0.162 s in full benchmark
     * runs). A chunk of typical rows fits in a core's L2 cache.
     */
    @Override
    public int drainFetchSize() {
        return 1000;
    }

    /**
     * Adds {@code NO_AUTO_VALUE_ON_ZERO} to the session's sql_mode: an explicit 0 in an
     * AUTO_INCREMENT column is then stored as 0, as on every other database, instead of being
     * replaced by the next value while the application (and the ORM's identity map) keeps 0.
     */
    @Override
    public void onConnect(Connection connection) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'NO_AUTO_VALUE_ON_ZERO')");
        }
    }

    /**
     * mariadb-java-client's {@code connectTimeout} (ms) bounds the TCP connect and the whole
     * handshake. With several hosts the driver goes round them again while all are down, 250 ms
     * apart, {@code retriesAllDown} times (120 by default: 30 s); that count is set so the rounds
     * take about {@code timeout} too. A single-host URL ignores it.
     */
    @Override
    public void applyConnectTimeout(java.util.Properties props, java.time.Duration timeout) {
        props.putIfAbsent("connectTimeout", String.valueOf(timeout.toMillis()));
        props.putIfAbsent("retriesAllDown", String.valueOf(Math.max(1, timeout.toMillis() / 250)));
    }

    /** MariaDB's {@code max_statement_time} (seconds, with fractions); MySQL has none for all statements. */
    @Override
    public boolean applySessionStatementTimeout(Connection c, java.time.Duration timeout) throws SQLException {
        if (!mariaDb) {
            return false;
        }
        try (var st = c.createStatement()) {
            st.execute("SET SESSION max_statement_time = " + new java.math.BigDecimal(timeout.toMillis()).movePointLeft(3));
        }
        return true;
    }

    /** InnoDB's {@code innodb_lock_wait_timeout}, whole seconds (rounded up, at least 1). */
    @Override
    public void applyLockTimeout(Connection c, java.time.Duration timeout) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET SESSION innodb_lock_wait_timeout = " + Math.max(1, (timeout.toMillis() + 999) / 1000));
        }
    }

    @Override
    public void initialize(Connection connection) throws SQLException {
        try (var st = connection.createStatement(); var rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
            String mode = rs.next() ? String.valueOf(rs.getString(1)).toUpperCase(Locale.ROOT) : "";
            noBackslashEscapes = mode.contains("NO_BACKSLASH_ESCAPES");
            ansiQuotes = mode.contains("ANSI_QUOTES");
        }
        String v = connection.getMetaData().getDatabaseProductVersion();
        mariaDb = v.toLowerCase(Locale.ROOT).contains("mariadb");
        Matcher m = VERSION.matcher(v);
        if (m.find()) {
            serverVersion = Integer.parseInt(m.group(1)) * 10000 + Integer.parseInt(m.group(2)) * 100
                    + Integer.parseInt(m.group(3));
        }
    }

    @Override
    public int serverVersion() {
        return serverVersion;
    }

    @Override
    public String identifierQuoteStart() {
        return "`";
    }

    @Override
    public String identifierQuoteEnd() {
        return "`";
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    /**
     * Besides the 64-character limit: MySQL and MariaDB names hold only characters of the Basic
     * Multilingual Plane (no emoji), and cannot end with a space.
     */
    @Override
    public String checkIdentifier(String name) {
        super.checkIdentifier(name);
        if (name.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            throw new org.jalchemy.exc.CompileError("Identifier '" + name + "' holds a character outside the Basic"
                    + " Multilingual Plane (e.g. an emoji), which " + urlName + " does not allow in names");
        }
        if (name.endsWith(" ")) {
            throw new org.jalchemy.exc.CompileError("Identifier '" + name + "' ends with a space, which " + urlName
                    + " does not allow in names");
        }
        return name;
    }

    @Override
    public Set<String> reservedWords() {
        return RESERVED;
    }

    /**
     * Backslash escapes in strings and "double-quoted" strings (unless the server's sql_mode has
     * NO_BACKSLASH_ESCAPES / ANSI_QUOTES, read on the first connection), `backtick` identifiers,
     * # comments, and -- only when followed by a space.
     */
    @Override
    public org.jalchemy.dialect.SqlLexicon lexicon() {
        return new org.jalchemy.dialect.SqlLexicon(!noBackslashEscapes, false, !ansiQuotes, true, false, true, true,
                false, false, "", org.jalchemy.dialect.SqlLexicon.QuestionMark.REFUSE);
    }

    /** MariaDB 10.5+ only ({@code INSERT/DELETE ... RETURNING}); never on MySQL. */
    @Override
    public boolean supportsReturning() {
        return mariaDb && serverVersion >= 100500;
    }

    @Override
    public boolean supportsUpsert() {
        return true;
    }

    @Override
    public boolean supportsNativeEnum() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoin() {
        return false;
    }

    @Override
    public boolean supportsSequences() {
        return mariaDb && serverVersion >= 100300;
    }

    @Override
    public org.jalchemy.types.TypeCompiler typeCompiler() {
        return new MySqlTypeCompiler(this);
    }

    @Override
    public org.jalchemy.schema.DdlCompiler ddlCompiler() {
        return new MySqlDdlCompiler(this);
    }

    @Override
    public org.jalchemy.schema.Reflector reflector() {
        return new MySqlReflector(this);
    }

    /** UUID as CHAR(36) text; zone-aware date-times as UTC DATETIME(6). */
    @Override
    @SuppressWarnings("unchecked")
    public <T> org.jalchemy.types.SqlType<T> typeImpl(org.jalchemy.types.SqlType<T> type) {
        if (type instanceof org.jalchemy.types.UuidType) {
            return (org.jalchemy.types.SqlType<T>) org.jalchemy.types.UuidAsStringType.INSTANCE;
        }
        if (type instanceof org.jalchemy.types.OffsetDateTimeType) {
            return (org.jalchemy.types.SqlType<T>) UtcDateTimeType.INSTANCE;
        }
        if (type instanceof org.jalchemy.types.TypeDecorator<T, ?> d) {
            return d.withImpl(this::typeImpl);
        }
        return type;
    }

    @Override
    public ErrorKind classify(SQLException e) {
        switch (e.getErrorCode()) {
            case 1062, 1022, 1451, 1452, 1048, 1216, 1217, 1364, 1557, 1586, 3819, 4025:
                return ErrorKind.INTEGRITY;
            case 1264, 1265, 1292, 1366, 1406, 1416, 1690, 1365:
                return ErrorKind.DATA;
            case 1044, 1045, 1040, 1203, 1205, 1213, 1927, 2002, 2003, 2005, 2006, 2013, 2055,
                 1317, 1969, 3024: // query interrupted (KILL QUERY, Statement.cancel), statement timeouts
                return ErrorKind.OPERATIONAL;
            case 1054, 1064, 1046, 1049, 1050, 1051, 1060, 1061, 1091, 1109, 1146, 1149, 1247:
                return ErrorKind.PROGRAMMING;
            case 1235, 1289:
                return ErrorKind.NOT_SUPPORTED;
            default:
                return FAILOVER_STATE.equals(e.getSQLState()) ? ErrorKind.OPERATIONAL : classifySqlState(e.getSQLState());
        }
    }

    /**
     * A replica's {@code Seconds_Behind_Master} ({@code Seconds_Behind_Source} on MySQL) from
     * {@code SHOW REPLICA STATUS}: zero when the server is not a replica (no row), forever when
     * its replication threads are stopped (NULL). Needs the REPLICATION CLIENT privilege (or
     * SLAVE MONITOR on MariaDB 10.5+).
     */
    @Override
    public java.time.Duration replicationLag(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SHOW REPLICA STATUS")) {
            if (!rs.next()) {
                return java.time.Duration.ZERO;
            }
            var md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String col = md.getColumnLabel(i);
                if (col.equals("Seconds_Behind_Master") || col.equals("Seconds_Behind_Source")) {
                    long s = rs.getLong(i);
                    return rs.wasNull() ? java.time.temporal.ChronoUnit.FOREVER.getDuration() : java.time.Duration.ofSeconds(s);
                }
            }
            return java.time.temporal.ChronoUnit.FOREVER.getDuration();
        }
    }

    /** Deadlock (1213, also a Galera certification conflict) and lock wait timeout (1205), besides SQLSTATE 40001. */
    @Override
    public boolean isRetryable(SQLException e) {
        int code = e.getErrorCode();
        return code == 1213 || code == 1205 || super.isRetryable(e);
    }

    /**
     * Lost connections: client errors 2006/2013/2055, server shutdown 1927, idle timeout 4031,
     * SQLSTATE class 08 (a Galera node that is not ready answers 1047 with 08S01), and SQLSTATE
     * 25S03: in a multi-host URL's failover mode the driver has reconnected the connection to
     * another host after its server went away, and the transaction that was open there is lost
     * (or, during COMMIT, its outcome is unknown) — the same situation for the application as a
     * lost connection, so it is discarded and reported the same way.
     */
    @Override
    public boolean isDisconnect(SQLException e) {
        int code = e.getErrorCode();
        if (code == 2006 || code == 2013 || code == 2055 || code == 1927 || code == 4031) {
            return true;
        }
        String state = e.getSQLState();
        return (state != null && (state.startsWith("08") || state.equals(FAILOVER_STATE)))
                || String.valueOf(e.getMessage()).contains("Connection is closed");
    }

    /** mariadb-java-client's SQLSTATE for "reconnected to another host after a communications failure". */
    private static final String FAILOVER_STATE = "25S03";

    @Override
    public org.jalchemy.sql.SqlCompiler newSqlCompiler() {
        return new MySqlCompiler(this);
    }
}
