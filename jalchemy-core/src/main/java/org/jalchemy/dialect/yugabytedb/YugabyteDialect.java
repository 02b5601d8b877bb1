package org.jalchemy.dialect.yugabytedb;

import org.jalchemy.dialect.DriverNames;
import org.jalchemy.dialect.postgresql.PostgresDialect;
import org.jalchemy.engine.URL;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * YugabyteDB's YSQL API: PostgreSQL's query layer on a distributed storage engine, so types,
 * RETURNING and {@code ON CONFLICT} upserts compile exactly as on PostgreSQL. What differs
 * (compile-level: asserted in tests, not run against a server here):
 * <ul>
 *   <li>URL {@code yugabytedb://yugabyte@host:5433/yugabyte}; default port 5433. Through pgjdbc by
 *   default; {@code yugabytedb+yugabyte://...} uses YugabyteDB's smart driver
 *   ({@code com.yugabyte.Driver}, {@code jdbc:yugabytedb://}; add {@code ?load-balance=true} to
 *   spread connections over the cluster's nodes), which must be on the class path.</li>
 *   <li>DDL runs outside the transaction (each statement commits by itself):
 *   {@link #transactionalDdl()} is false.</li>
 *   <li>Retries: besides 40001 and 40P01, conflicts reported as {@code XX000} with "Try again" or
 *   "Restart read required" (older releases) are retryable, so {@code runTransaction} retries them.</li>
 *   <li>Tables are hash-sharded on the first primary-key column: an {@code ORDER BY id} is not
 *   served by the primary key's order (declare range keys in a migration with {@code ASC} when
 *   range scans matter). Sequences are cached per node, so SERIAL values are unique but not
 *   ordered by insert time.</li>
 *   <li>No streaming standby to ask for lag ({@link #replicationLag} is zero): follower reads are
 *   a session setting ({@code yb_read_from_followers}), not a replica engine.</li>
 * </ul>
 */
public class YugabyteDialect extends PostgresDialect {
    @Override
    public String name() {
        return "yugabytedb";
    }

    @Override
    public ConnectSpec connectSpec(URL url) {
        if (url.port() == null) {
            url = url.withHost(url.host() == null ? "localhost" : url.host(), 5433);
        }
        String driver = url.driver() == null ? null : url.driver().toLowerCase(Locale.ROOT);
        if ("yugabyte".equals(driver) || "ysql".equals(driver)) {
            String db = url.database() == null ? "" : url.database();
            return new ConnectSpec("com.yugabyte.Driver", "jdbc:yugabytedb://" + DriverNames.hostPort(url, 5433) + "/" + db,
                    DriverNames.properties(url, Map.of("ApplicationName", "jalchemy")));
        }
        DriverNames.checkDriver(url, Set.of("pgjdbc", "postgresql", "jdbc", "yugabyte", "ysql"), "pgjdbc");
        return super.connectSpec(url);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public Duration replicationLag(java.sql.Connection c) {
        return Duration.ZERO;
    }

    @Override
    public boolean isRetryable(SQLException e) {
        if (super.isRetryable(e)) {
            return true;
        }
        String msg = e.getMessage();
        String state = e.getSQLState();
        return msg != null && (state == null || state.equals("XX000") || state.startsWith("40"))
                && (msg.contains("Try again") || msg.contains("Restart read required"));
    }
}
