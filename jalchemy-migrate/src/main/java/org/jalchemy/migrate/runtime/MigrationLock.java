package org.jalchemy.migrate.runtime;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.schema.Inspector;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps two migrators from running at once on one database. PostgreSQL: a session advisory lock
 * ({@code pg_try_advisory_lock}) keyed by the version table's name; MySQL/MariaDB:
 * {@code GET_LOCK} on a name made of the database and the version table; SQLite: a row in
 * {@code <version_table>_lock}, committed at once, holding {@code pid@host} and the time. A second
 * migrator polls until {@code timeout}, then raises {@link MigrationLockError} naming the holder.
 *
 * <p>Hazards: the server locks die with the session, so a crashed migrator frees them; the SQLite
 * row survives a crash: a row whose holder is a dead process on this host is taken over, one from
 * another host must be deleted by hand (the error says how). Hold the lock on the connection that
 * migrates and release it after the last commit.
 */
public final class MigrationLock implements AutoCloseable {
    private static final long POLL_MS = 200;
    private final Connection connection;
    private final String kind;
    private final String key;
    private final String table;

    private MigrationLock(Connection connection, String kind, String key, String table) {
        this.connection = connection;
        this.kind = kind;
        this.key = key;
        this.table = table;
    }

    /** Acquires the lock for {@code versionTable} on {@code c}, waiting up to {@code timeout}. */
    public static MigrationLock acquire(Connection c, VersionTable versionTable, Duration timeout) {
        String dialect = c.dialect().name();
        Instant deadline = Instant.now().plus(timeout);
        String key = "jalchemy_migrate." + versionTable.name();
        switch (dialect) {
            case "postgresql" -> {
                long k = key.hashCode();
                while (true) {
                    Object got = c.execDriverSql("SELECT pg_try_advisory_lock(" + k + ")").scalar();
                    c.commit();
                    if (Boolean.TRUE.equals(got)) {
                        return new MigrationLock(c, dialect, Long.toString(k), null);
                    }
                    waitOrFail(deadline, timeout, "another migrator holds the PostgreSQL advisory lock " + k
                            + " (see pg_locks where locktype = 'advisory')");
                }
            }
            case "mysql", "mariadb" -> {
                Object db = c.execDriverSql("SELECT DATABASE()").scalar();
                String name = key + "." + db;
                if (name.length() > 64) {
                    name = name.substring(0, 48) + Integer.toHexString(name.hashCode());
                }
                long secs = Math.max(0, timeout.toSeconds());
                Object got = c.execDriverSql("SELECT GET_LOCK('" + name.replace("'", "''") + "', " + secs + ")").scalar();
                c.commit();
                if (got != null && ((Number) got).intValue() == 1) {
                    return new MigrationLock(c, dialect, name, null);
                }
                throw new MigrationLockError("Another migrator is running on this database: the lock '" + name
                        + "' (GET_LOCK) was not free within " + timeout.toSeconds() + " s");
            }
            default -> {
                String lockTable = versionTable.name() + "_lock";
                String q = c.dialect().quoteIdentifier(lockTable);
                if (!new Inspector(c).hasTable(lockTable)) {
                    c.execDriverSql("CREATE TABLE IF NOT EXISTS " + q
                            + " (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), holder VARCHAR(200) NOT NULL, acquired_at VARCHAR(40) NOT NULL)");
                    c.commit();
                }
                String me = ProcessHandle.current().pid() + "@" + host();
                while (true) {
                    try {
                        c.execDriverSql("INSERT INTO " + q + " (id, holder, acquired_at) VALUES (1, '" + me.replace("'", "''")
                                + "', '" + Instant.now() + "')");
                        c.commit();
                        return new MigrationLock(c, dialect, me, q);
                    } catch (org.jalchemy.exc.OperationalError busy) {
                        // the holder's migration transaction keeps SQLite's write lock (database is locked)
                        c.rollback();
                        waitOrFail(deadline, timeout, "another migrator is writing to this SQLite database");
                    } catch (IntegrityError e) {
                        c.rollback();
                        List<Row> rows = c.execDriverSql("SELECT holder, acquired_at FROM " + q).all();
                        c.commit();
                        if (rows.isEmpty()) {
                            continue;
                        }
                        String holder = String.valueOf(rows.get(0).get(0));
                        if (isDeadLocalProcess(holder)) {
                            c.execDriverSql("DELETE FROM " + q + " WHERE holder = '" + holder.replace("'", "''") + "'");
                            c.commit();
                            continue;
                        }
                        waitOrFail(deadline, timeout, "another migrator (" + holder + ", since " + rows.get(0).get(1)
                                + ") holds the lock row in " + lockTable + "; if that process is gone, delete the row: DELETE FROM "
                                + lockTable);
                    }
                }
            }
        }
    }

    private static void waitOrFail(Instant deadline, Duration timeout, String why) {
        if (Instant.now().isAfter(deadline)) {
            throw new MigrationLockError("Could not start migrating within " + timeout.toSeconds() + " s: " + why);
        }
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationLockError("Interrupted while waiting for the migration lock: " + why);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    private static boolean isDeadLocalProcess(String holder) {
        int at = holder.indexOf('@');
        if (at < 0 || !holder.substring(at + 1).equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(holder.substring(0, at));
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Releases the lock (quietly when the connection is gone: server locks die with it). */
    @Override
    public void close() {
        if (connection.isClosed()) {
            return;
        }
        try {
            switch (kind) {
                case "postgresql" -> connection.execDriverSql("SELECT pg_advisory_unlock(" + key + ")");
                case "mysql", "mariadb" -> connection.execDriverSql("SELECT RELEASE_LOCK('" + key.replace("'", "''") + "')");
                default -> connection.execDriverSql("DELETE FROM " + table + " WHERE holder = '" + key.replace("'", "''") + "'");
            }
            connection.commit();
        } catch (RuntimeException e) {
            // the connection is broken: PostgreSQL/MariaDB locks went with it; a SQLite row is taken over next time
            org.slf4j.LoggerFactory.getLogger(MigrationLock.class).warn("Could not release the migration lock: {}", e.toString());
        }
    }
}
