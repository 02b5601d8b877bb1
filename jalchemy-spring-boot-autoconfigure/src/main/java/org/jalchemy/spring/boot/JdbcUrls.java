package org.jalchemy.spring.boot;

import org.jalchemy.exc.ArgumentError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Maps a JDBC URL ({@code spring.datasource.url}) to jalchemy's URL, whose scheme picks the
 * dialect: {@code jdbc:postgresql://h:5432/db?x=y} → {@code postgresql://user:pw@h:5432/db?x=y},
 * {@code jdbc:mariadb://…} → {@code mariadb://…}, {@code jdbc:mysql://…} → {@code mysql://…},
 * {@code jdbc:sqlite:app.db} → {@code sqlite:///app.db}, {@code jdbc:sqlite:/abs/app.db} →
 * {@code sqlite:////abs/app.db}, {@code jdbc:sqlite::memory:} → {@code sqlite:///:memory:}. The
 * user name and password are percent-encoded into the URL; the query keeps the driver's options.
 * Pure string work: nothing connects.
 */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    /**
     * The jalchemy URL for {@code jdbcUrl} with the given credentials (either may be null);
     * raises {@link ArgumentError} naming the URL (password hidden) when no dialect matches.
     */
    public static String toJalchemy(String jdbcUrl, String username, String password) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new ArgumentError("The JDBC URL is empty: set spring.datasource.url or jalchemy.url");
        }
        String u = jdbcUrl.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            String path = u.substring("jdbc:sqlite:".length());
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            if (path.isEmpty() || path.equals(":memory:")) {
                return "sqlite:///:memory:";
            }
            if (path.startsWith("file:")) {
                path = path.substring("file:".length());
            }
            return "sqlite:///" + path;
        }
        for (String scheme : new String[] {"postgresql", "mariadb", "mysql"}) {
            String prefix = "jdbc:" + scheme + "://";
            if (lower.startsWith(prefix)) {
                String rest = u.substring(prefix.length());
                if (rest.indexOf('@') >= 0 && rest.indexOf('@') < firstOf(rest, '/', '?')) {
                    return scheme + "://" + rest; // credentials already in the URL
                }
                return scheme + "://" + userInfo(username, password) + rest;
            }
        }
        throw new ArgumentError("jalchemy cannot tell the dialect of JDBC URL '" + masked(u) + "': it maps jdbc:postgresql://,"
                + " jdbc:mariadb://, jdbc:mysql:// and jdbc:sqlite: URLs. Set jalchemy.url to the database in jalchemy's form"
                + " (e.g. postgresql://user:password@host:5432/db) instead");
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        int n = s.length();
        return Math.min(i < 0 ? n : i, j < 0 ? n : j);
    }

    private static String userInfo(String username, String password) {
        if (username == null || username.isEmpty()) {
            return "";
        }
        String info = encode(username);
        if (password != null && !password.isEmpty()) {
            info += ":" + encode(password);
        }
        return info + "@";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
