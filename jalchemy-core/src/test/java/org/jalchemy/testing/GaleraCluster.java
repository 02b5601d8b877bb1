package org.jalchemy.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The 3-node MariaDB Galera cluster that {@code ./dev cluster galera start} runs on 127.0.0.1
 * (bin/cluster-galera.sh): node N listens on port 3306 + N, keeps its pid in
 * {@code ${JALCHEMY_CLUSTER_DIR:-/var/tmp/jalchemy-cluster}/galera/nodeN/mariadbd.pid}, and every
 * node has the database {@code test_cluster} and root@127.0.0.1 without password.
 *
 * <p>{@link #require()} skips the calling test with a JUnit assumption when the cluster is not up
 * (three nodes, {@code wsrep_cluster_size} = 3), and fails it instead when the environment sets
 * {@code JALCHEMY_CLUSTER_REQUIRED=1} (CI, after starting the servers). Hazards: {@link #kill(int)}
 * SIGKILLs a real server process; {@link #startMissingNodes()} runs the script, which brings
 * killed nodes back by state transfer and can take tens of seconds.
 */
public final class GaleraCluster {
    /** Client port of node 1; node N is {@code FIRST_PORT + N - 1}. */
    public static final int FIRST_PORT = 3307;
    public static final int NODES = 3;
    public static final String DATABASE = "test_cluster";
    /** The whole cluster as one multi-host URL (mariadb-java-client's sequential failover). */
    public static final String URL = "mariadb://root@127.0.0.1:3307,127.0.0.1:3308,127.0.0.1:3309/" + DATABASE;

    private GaleraCluster() {
    }

    /** The URL of node {@code n} (1..3) alone. */
    public static String nodeUrl(int n) {
        return "mariadb://root@127.0.0.1:" + port(n) + "/" + DATABASE;
    }

    public static int port(int n) {
        return FIRST_PORT + n - 1;
    }

    /** The node (1..3) listening on {@code port}. */
    public static int nodeOfPort(int port) {
        return port - FIRST_PORT + 1;
    }

    /** Skips (or, with JALCHEMY_CLUSTER_REQUIRED=1, fails) the test unless all three nodes are up and joined. */
    public static void require() {
        String why = notUpBecause();
        if (why == null) {
            return;
        }
        String msg = "[galera] cluster not up on 127.0.0.1:3307-3309 (" + why + "): start it with"
                + " './dev cluster galera start'";
        if ("1".equals(System.getenv("JALCHEMY_CLUSTER_REQUIRED"))) {
            throw new AssertionError(msg + "; JALCHEMY_CLUSTER_REQUIRED=1, so this fails instead of skipping");
        }
        Assumptions.abort(msg + " (set JALCHEMY_CLUSTER_REQUIRED=1 to fail instead of skip)");
    }

    /** Null when the cluster is up, else why not. */
    private static String notUpBecause() {
        for (int n = 1; n <= NODES; n++) {
            try {
                int size = clusterSize(n);
                if (size != NODES) {
                    return "node" + n + " sees wsrep_cluster_size=" + size;
                }
            } catch (SQLException e) {
                return "node" + n + ": " + e.getMessage();
            }
        }
        return null;
    }

    /** A raw JDBC connection to node {@code n} (autocommit on), for checks outside the code under test. */
    public static java.sql.Connection jdbc(int n) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("connectTimeout", "2000");
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port(n) + "/" + DATABASE, p);
    }

    /** Receives the rows of a {@link #causalRead}. */
    @FunctionalInterface
    public interface RowReader {
        void row(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} on node {@code n} with {@code wsrep_sync_wait = 1}: the node first applies
     * every transaction committed anywhere in the cluster before the read (a plain read on one node
     * may miss a row just committed through another), then hands each row to {@code reader}.
     */
    public static void causalRead(int n, String sql, RowReader reader) throws SQLException {
        try (java.sql.Connection c = jdbc(n); Statement st = c.createStatement()) {
            st.execute("SET SESSION wsrep_sync_wait = 1");
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    reader.row(rs);
                }
            }
        }
    }

    /** {@code wsrep_cluster_size} as node {@code n} sees it. */
    public static int clusterSize(int n) throws SQLException {
        try (java.sql.Connection c = jdbc(n); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'")) {
            return rs.next() ? Integer.parseInt(rs.getString(2)) : 0;
        }
    }

    /** Polls node {@code n} until it sees {@code size} members; false after {@code timeoutMillis}. */
    public static boolean awaitClusterSize(int n, int size, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            try {
                if (clusterSize(n) == size) {
                    return true;
                }
            } catch (SQLException e) {
                // not answering yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The data directory of the cluster's nodes. */
    public static Path baseDir() {
        String dir = System.getenv("JALCHEMY_CLUSTER_DIR");
        return Path.of(dir == null || dir.isBlank() ? "/var/tmp/jalchemy-cluster" : dir, "galera");
    }

    /** SIGKILLs node {@code n}'s mariadbd (no shutdown: its clients see their connections reset). */
    public static void kill(int n) {
        Path pidFile = baseDir().resolve("node" + n).resolve("mariadbd.pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the pid of Galera node" + n + " from " + pidFile, e);
        }
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("Galera node" + n + " (pid " + pid + ") is not running"));
        if (!process.destroyForcibly()) { // SIGKILL on Unix
            throw new IllegalStateException("could not kill Galera node" + n + " (pid " + pid + ")");
        }
        process.onExit().join();
    }

    /**
     * Runs {@code bin/cluster-galera.sh start}, which starts the nodes that are down (they rejoin by
     * state transfer) and waits until the cluster has three members; returns the seconds it took.
     */
    public static double startMissingNodes() throws IOException, InterruptedException {
        Path script = script();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(script.toString(), "start").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "galera-start.log").toFile())).start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/cluster-galera.sh start did not finish within 150 s (see target/galera-start.log)");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("bin/cluster-galera.sh start failed with exit " + p.exitValue()
                    + " (see target/galera-start.log)");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path s = dir.resolve("bin").resolve("cluster-galera.sh");
            if (Files.isExecutable(s)) {
                return s;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("bin/cluster-galera.sh not found above " + Path.of("").toAbsolutePath());
    }
}
