package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * <p>Invariant: {@link #toString()} never shows the password (it is rendered {@code ***});
 * use {@link #render(boolean)} with {@code false} only where a clear password is needed.
 * Instances are immutable.
 */
public final class URL {
    private final String backend;
    private final String driver;
    private final String username;
    private final String password;
    private final String host;
    private final Integer port;
    private final String database;
    private final Map<String, String> query;

    private URL(String backend, String driver, String username, String password, String host, Integer port,
                String database, Map<String, String> query) {
        this.backend = backend;
        this.driver = driver;
        this.username = username;
        this.password = password;
        this.host = host;
        this.port = port;
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
        String host = null;
        Integer port = null;
        if (!authority.isEmpty()) {
            String portText = null;
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
                }
            } else {
                int colon = authority.indexOf(':');
                host = colon >= 0 ? authority.substring(0, colon) : authority;
                portText = colon >= 0 ? authority.substring(colon + 1) : null;
            }
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
            if (host.isEmpty()) {
                host = null;
            }
        }
        return new URL(backend, driver, user, pass, host, port, database, query);
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

    public String host() {
        return host;
    }

    public Integer port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** Query-string options, passed to the driver as connection properties. */
    public Map<String, String> query() {
        return query;
    }

    public URL withDatabase(String newDatabase) {
        return new URL(backend, driver, username, password, host, port, newDatabase, query);
    }

    /** The same URL pointing at another host and port (e.g. a proxy in front of the server). */
    public URL withHost(String newHost, Integer newPort) {
        return new URL(backend, driver, username, password, newHost, newPort, database, query);
    }

    public URL withQuery(Map<String, String> extra) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.putAll(extra);
        return new URL(backend, driver, username, password, host, port, database, q);
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
        if (host != null) {
            sb.append(host.contains(":") ? "[" + host + "]" : host);
        }
        if (port != null) {
            sb.append(':').append(port);
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
        return Objects.hash(backend, driver, username, host, port, database, query);
    }
}
