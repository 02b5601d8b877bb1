package org.jalchemy.migrate.lint;

import org.jalchemy.dialect.Dialect;

import java.util.Locale;

/**
 * The database a lint run judges ops for: which family (the rules differ per family) and which
 * server version ({@code major * 10000 + minor * 100}; {@link Integer#MAX_VALUE} when unknown,
 * i.e. the newest, as a dialect created without an engine assumes).
 *
 * <p>A {@code mysql://} URL is judged as MySQL even when the server turns out to be MariaDB; MySQL's
 * limits are the stricter ones where they differ (VARCHAR growth), so findings err on the safe side.
 */
public record LintTarget(Family family, String dialectName, int serverVersion) {

    /** The database families lint knows. */
    public enum Family { POSTGRESQL, MYSQL, MARIADB, SQLITE, OTHER }

    public static LintTarget of(Dialect dialect) {
        return of(dialect.name(), dialect.serverVersion());
    }

    public static LintTarget of(String dialectName, int serverVersion) {
        String n = dialectName.toLowerCase(Locale.ROOT);
        Family f = switch (n) {
            case "postgresql", "postgres" -> Family.POSTGRESQL;
            case "mysql" -> Family.MYSQL;
            case "mariadb" -> Family.MARIADB;
            case "sqlite" -> Family.SQLITE;
            default -> Family.OTHER;
        };
        return new LintTarget(f, n, serverVersion);
    }

    public boolean isPostgresql() {
        return family == Family.POSTGRESQL;
    }

    /** MySQL or MariaDB. */
    public boolean isMysqlFamily() {
        return family == Family.MYSQL || family == Family.MARIADB;
    }

    public boolean isMariadb() {
        return family == Family.MARIADB;
    }

    public boolean isSqlite() {
        return family == Family.SQLITE;
    }

    /** True when the server is at least {@code major.minor} (or its version is unknown). */
    public boolean atLeast(int major, int minor) {
        return serverVersion >= major * 10000 + minor * 100;
    }
}
