package org.jalchemy.benchmarks.scaleout;

import org.jalchemy.Jalchemy;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.engine.Engine;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The 3-node Galera cluster of {@code ./dev cluster galera start} (nodes on 127.0.0.1:3307-3309,
 * database {@code test_cluster}) as the scale_out variants use it: an engine per node, an engine
 * on the whole cluster in the driver's load-balance mode, and the workload's tables
 * ({@code so_event}, {@code so_counter}), created once when the target is opened.
 *
 * <p>{@link #open(int)} raises {@link Variant.NotApplicable} when the cluster is not up (three
 * nodes answering, {@code wsrep_cluster_size} = 3), so the variants are reported "not run".
 * {@link #checksum()} reads through node 1 with {@code wsrep_sync_wait = 1}, so it sees every
 * transaction committed on any node before it. Closes its engines; not thread-safe to open.
 */
final class GaleraTarget implements AutoCloseable {
    static final int NODES = 3;
    static final int FIRST_PORT = 3307;
    static final String DATABASE = "test_cluster";
    /** Shared counters each transaction adds one to (transaction i: {@code ScaleOutVariants.counterOf(i)}). */
    static final int HOT_COUNTERS = 16;

    private final List<Engine> nodes;
    private final Engine loadBalanced;

    private GaleraTarget(List<Engine> nodes, Engine loadBalanced) {
        this.nodes = nodes;
        this.loadBalanced = loadBalanced;
    }

    /** Checks the cluster, creates the tables and the engines (pools of {@code poolPerEngine}). */
    static GaleraTarget open(int poolPerEngine) {
        String down = notUpBecause();
        if (down != null) {
            throw new Variant.NotApplicable("Galera cluster not up on 127.0.0.1:3307-3309 (" + down
                    + "); start it with ./dev cluster galera start");
        }
        try (java.sql.Connection c = jdbc(1); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS so_event, so_counter");
            st.execute("CREATE TABLE so_event (id BIGINT AUTO_INCREMENT PRIMARY KEY, writer INTEGER NOT NULL,"
                    + " counter_id INTEGER NOT NULL, note VARCHAR(64) NOT NULL) ENGINE=InnoDB");
            st.execute("CREATE TABLE so_counter (id INTEGER PRIMARY KEY, v BIGINT NOT NULL) ENGINE=InnoDB");
            StringBuilder rows = new StringBuilder("INSERT INTO so_counter (id, v) VALUES ");
            for (int i = 0; i < HOT_COUNTERS; i++) {
                rows.append(i == 0 ? "" : ", ").append('(').append(i).append(", 0)");
            }
            st.execute(rows.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the scale_out tables on the Galera cluster: " + e, e);
        }
        List<Engine> nodes = new ArrayList<>();
        for (int n = 1; n <= NODES; n++) {
            nodes.add(Jalchemy.createEngine("mariadb://root@127.0.0.1:" + (FIRST_PORT + n - 1) + "/" + DATABASE,
                    o -> o.poolSize(poolPerEngine).maxOverflow(0)));
        }
        Engine lb = Jalchemy.createEngine("mariadb://root@127.0.0.1:3307,127.0.0.1:3308,127.0.0.1:3309/" + DATABASE
                + "?haMode=loadbalance", o -> o.poolSize(poolPerEngine).maxOverflow(0));
        return new GaleraTarget(List.copyOf(nodes), lb);
    }

    /** The engine of node {@code n} (1..3). */
    Engine node(int n) {
        return nodes.get(n - 1);
    }

    /** One engine on the three-host URL with {@code haMode=loadbalance}: the driver spreads its connections. */
    Engine loadBalanced() {
        return loadBalanced;
    }

    /** Event rows plus the sum of the counters: each transaction adds 2. */
    long checksum() {
        try (java.sql.Connection c = jdbc(1); Statement st = c.createStatement()) {
            st.execute("SET SESSION wsrep_sync_wait = 1");
            try (ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM so_event)"
                    + " + (SELECT COALESCE(SUM(v), 0) FROM so_counter)")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the scale_out checksum on node 1: " + e, e);
        }
    }

    private static java.sql.Connection jdbc(int n) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("connectTimeout", "1000");
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + (FIRST_PORT + n - 1) + "/" + DATABASE, p);
    }

    private static String notUpBecause() {
        for (int n = 1; n <= NODES; n++) {
            try (java.sql.Connection c = jdbc(n); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'")) {
                String size = rs.next() ? rs.getString(2) : "none";
                if (!String.valueOf(NODES).equals(size)) {
                    return "node" + n + " sees wsrep_cluster_size=" + size;
                }
            } catch (SQLException e) {
                return "node" + n + ": " + e.getMessage();
            }
        }
        return null;
    }

    @Override
    public void close() {
        nodes.forEach(Engine::close);
        loadBalanced.close();
    }
}
