package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed database URL in SQLAlchemy's form:
 * {@code dialect[+driver]://[user[:password]@][host[:port]]/[database][?key=value&...]}.
 *
 * <p>Examples: {@code sqlite:///relative.db}, {@code sqlite:////abs/path.db},
 * {@code sqlite:///:memory:} (also {@code sqlite://}), {@code postgresql://u:p@host:5432/db},
 * {@code mysql+mariadb://u:p@host/db?useServerPrepStmts=true}. User name, password, database and
 * query values are percent-decoded, so a password containing {@code @} or {@code /} is written
 * {@code %40} / {@code %2F}.
 *
 * <p><b>Several hosts</b> (a cluster, a primary with its standbys): a comma-separated list,
 * {@code mariadb://root@10.0.0.1:3306,10.0.0.2:3306,10.0.0.3:3306/shop} or
 * {@code postgresql://u:p@pg1:5432,pg2:5432/shop?targetServerType=primary}. The dialect turns it
 * into its driver's multi-host form (see {@link #hosts()}); {@link #host()} and {@link #port()}
 * are those of the first host. Dialects whose driver takes one host reject such a URL.
 *
 * <p>Invariant: {@link #toString()} never shows the password (it is rendered {@code ***});
 * use {@link #render(boolean)} with {@code false} only where a clear password is needed.
 * Instances are immutable.
 */
public final class URL {
    private final String backend;
    private final String driver;
    private final String username;
    private final String password;
    private final List<Host> hosts;
    private final String database;
    private final Map<String, String> query;

    /**
     * One host of the URL's host list.
     *
     * @param name the host name or address (IPv6 without brackets), or null for the driver's default
     * @param port the port, or null for the dialect's default
     */
    public record Host(String name, Integer port) {
        /** {@code name:port} as written in a URL, IPv6 addresses bracketed, the default port left out. */
        @Override
        public String toString() {
            String n = name == null ? "" : name.contains(":") ? "[" + name + "]" : name;
            return port == null ? n : n + ":" + port;
        }
    }

    private URL(String backend, String driver, String username, String password, List<Host> hosts,
                String database, Map<String, String> query) {
        this.backend = backend;
        this.driver = driver;
        this.username = username;
        this.password = password;
        this.hosts = List.copyOf(hosts);
        this.database = database;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** Parses a URL; raises {@link ArgumentError} naming the (masked) URL when it is malformed. */
    public static URL parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ArgumentError("Database URL is empty; expected e.g. 'sqlite:///file.db' or "
                    + "'postgresql://user:password@host:5432/db'");
        }
        int sep = url.indexOf("://");
        if (sep <= 0) {
            throw malformed(url, "it has no 'scheme://' part");
        }
        String scheme = url.substring(0, sep);
        if (!scheme.matches("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)?")) {
            throw malformed(url, "the scheme '" + scheme + "' is not of the form dialect[+driver]");
        }
        String backend = scheme.toLowerCase(java.util.Locale.ROOT);
        String driver = null;
        int plus = backend.indexOf('+');
        if (plus >= 0) {
            driver = backend.substring(plus + 1);
            backend = backend.substring(0, plus);
        }
        String rest = url.substring(sep + 3);
        Map<String, String> query = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            parseQuery(url, rest.substring(q + 1), query);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? decode(url, rest.substring(slash + 1)) : null;
        if (database != null && database.isEmpty()) {
            database = null;
        }
        String user = null;
        String pass = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(url, userInfo.substring(0, colon));
                pass = decode(url, userInfo.substring(colon + 1));
            } else {
                user = decode(url, userInfo);
            }
            if (user.isEmpty()) {
                user = null;
            }
        }
        List<Host> hosts = new ArrayList<>();
        if (!authority.isEmpty()) {
            String[] parts = authority.split(",", -1);
            for (String part : parts) {
                if (part.isEmpty() && parts.length > 1) {
                    throw malformed(url, "its host list has an empty entry (hosts are separated by single commas)");
                }
                Host h = parseHost(url, part);
                if (h.name() != null || h.port() != null) {
                    hosts.add(h);
                }
            }
        }
        return new URL(backend, driver, user, pass, hosts, database, query);
    }

    private static Host parseHost(String url, String authority) {
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw malformed(url, "the IPv6 host has no closing ']'");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw malformed(url, "unexpected text after the IPv6 host");
            } else {
                portText = null;
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            portText = colon >= 0 ? authority.substring(colon + 1) : null;
        }
        Integer port = null;
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw malformed(url, "the port '" + portText + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw malformed(url, "the port " + port + " is outside 1..65535");
            }
        }
        return new Host(host.isEmpty() ? null : host, port);
    }

    private static void parseQuery(String url, String text, Map<String, String> into) {
        if (text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(url, eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(url, pair.substring(eq + 1)) : "";
            if (key.isEmpty()) {
                throw malformed(url, "a query option has no name");
            }
            into.put(key, value);
        }
    }

    private static String decode(String url, String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(url, "it has a bad percent-escape (write a literal % as %25)");
        }
    }

    private static ArgumentError malformed(String url, String why) {
        return new ArgumentError("Could not parse database URL '" + maskRaw(url) + "': " + why
                + ". Expected dialect[+driver]://user:password@host:port/database, e.g. "
                + "'postgresql://user:password@localhost:5432/mydb' or 'sqlite:///file.db'.");
    }

    /** Masks the password of a URL that may not parse, for error messages. */
    static String maskRaw(String url) {
        int sep = url.indexOf("://");
        if (sep < 0) {
            return url;
        }
        int start = sep + 3;
        int slash = url.indexOf('/', start);
        int end = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', end - 1);
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + "***" + url.substring(at);
    }

    /** Dialect name: {@code sqlite}, {@code postgresql}, {@code mysql}, {@code mariadb}, ... */
    public String backend() {
        return backend;
    }

    /** Driver named after {@code +}, or {@code null} for the dialect's default driver. */
    public String driver() {
        return driver;
    }

    public String username() {
        return username;
    }

    /** The clear password; never put it in a message. */
    public String password() {
        return password;
    }

    /** The first host's name, or null when the URL names none. */
    public String host() {
        return hosts.isEmpty() ? null : hosts.get(0).name();
    }

    /** The first host's port, or null when the URL gives none. */
    public Integer port() {
        return hosts.isEmpty() ? null : hosts.get(0).port();
    }

    /**
     * Every host of the URL in the order written (empty for {@code sqlite:///file.db}); more than
     * one for a cluster URL, which the MariaDB and PostgreSQL dialects turn into their drivers'
     * multi-host forms.
     */
    public List<Host> hosts() {
        return hosts;
    }

    public String database() {
        return database;
    }

    /** Query-string options, passed to the driver as connection properties. */
    public Map<String, String> query() {
        return query;
    }

    public URL withDatabase(String newDatabase) {
        return new URL(backend, driver, username, password, hosts, newDatabase, query);
    }

    /** The same URL pointing at one other host and port (e.g. a proxy in front of the server), replacing every host. */
    public URL withHost(String newHost, Integer newPort) {
        return withHosts(newHost == null && newPort == null ? List.of() : List.of(new Host(newHost, newPort)));
    }

    /** The same URL with this host list (e.g. one node of a cluster URL). */
    public URL withHosts(List<Host> newHosts) {
        return new URL(backend, driver, username, password, newHosts, database, query);
    }

    public URL withQuery(Map<String, String> extra) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.putAll(extra);
        return new URL(backend, driver, username, password, hosts, database, q);
    }

    /** Renders the URL, with the password masked as {@code ***} unless {@code hidePassword} is false. */
    public String render(boolean hidePassword) {
        StringBuilder sb = new StringBuilder(backend);
        if (driver != null) {
            sb.append('+').append(driver);
        }
        sb.append("://");
        if (username != null) {
            sb.append(encode(username));
            if (password != null) {
                sb.append(':').append(hidePassword ? "***" : encode(password));
            }
            sb.append('@');
        }
        for (int i = 0; i < hosts.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(hosts.get(i));
        }
        if (database != null) {
            sb.append('/').append(database);
        }
        if (!query.isEmpty()) {
            sb.append('?');
            boolean first = true;
            for (var e : query.entrySet()) {
                if (!first) {
                    sb.append('&');
                }
                first = false;
                sb.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            }
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URL with its password masked. */
    @Override
    public String toString() {
        return render(true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof URL u && render(false).equals(u.render(false));
    }

    @Override
    public int hashCode() {
        return Objects.hash(backend, driver, username, hosts, database, query);
    }
}
