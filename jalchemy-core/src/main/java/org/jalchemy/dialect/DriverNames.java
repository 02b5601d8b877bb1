package org.jalchemy.dialect;

import org.jalchemy.engine.URL;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.NoSuchModuleError;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Shared helpers for dialects turning a jalchemy URL into a JDBC connect spec. */
public final class DriverNames {
    private DriverNames() {
    }

    /** Python DB-API driver names users bring from SQLAlchemy URLs, with the hint to give. */
    private static final Set<String> PYTHON_DRIVERS = Set.of("psycopg2", "psycopg", "psycopg2cffi", "asyncpg",
            "pg8000", "pymysql", "mysqldb", "mysqlconnector", "asyncmy", "aiomysql", "cymysql", "pysqlite",
            "aiosqlite", "pysqlcipher", "pyodbc", "cx_oracle", "oracledb");

    /**
     * Checks the URL's {@code +driver} against the JDBC drivers this dialect accepts; raises
     * {@link NoSuchModuleError} naming the URL (password masked) and the accepted names otherwise.
     */
    public static void checkDriver(URL url, Set<String> accepted, String jdbcDriverDescription) {
        String d = url.driver();
        if (d == null || accepted.contains(d.toLowerCase(Locale.ROOT))) {
            return;
        }
        String hint = PYTHON_DRIVERS.contains(d)
                ? " '" + d + "' is a Python driver; jalchemy talks to " + url.backend() + " through "
                + jdbcDriverDescription + ", so drop '+" + d + "' from the URL ('" + url.backend() + "://...')."
                : " Use one of: " + String.join(", ", accepted) + " (or no '+driver' for " + jdbcDriverDescription + ").";
        throw new NoSuchModuleError("Unknown driver '" + d + "' in database URL '" + url + "'." + hint);
    }

    /** Properties holding user, password and the URL's query options (which override defaults). */
    public static Properties properties(URL url, Map<String, String> defaults) {
        Properties p = new Properties();
        defaults.forEach(p::setProperty);
        if (url.username() != null) {
            p.setProperty("user", url.username());
        }
        if (url.password() != null) {
            p.setProperty("password", url.password());
        }
        url.query().forEach(p::setProperty);
        return p;
    }

    /**
     * {@code host:port} of a one-host URL with defaults, IPv6 hosts bracketed; raises
     * {@link ArgumentError} naming the URL when it lists several hosts (this driver takes one).
     */
    public static String hostPort(URL url, int defaultPort) {
        if (url.hosts().size() > 1) {
            throw new ArgumentError("Database URL '" + url + "' lists " + url.hosts().size() + " hosts, but the "
                    + url.backend() + " dialect connects to one: give a single host:port (multi-host URLs are"
                    + " for mariadb/mysql and postgresql).");
        }
        return hostList(url, defaultPort);
    }

    /**
     * The URL's hosts as {@code host1:port1,host2:port2}, the multi-host syntax of pgjdbc and
     * mariadb-java-client: a missing host is {@code localhost}, a missing port {@code defaultPort}.
     */
    public static String hostList(URL url, int defaultPort) {
        if (url.hosts().isEmpty()) {
            return "localhost:" + defaultPort;
        }
        StringBuilder sb = new StringBuilder();
        for (URL.Host h : url.hosts()) {
            String host = h.name() == null ? "localhost" : h.name();
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(host.contains(":") ? "[" + host + "]" : host).append(':')
                    .append(h.port() == null ? defaultPort : h.port());
        }
        return sb.toString();
    }
}
