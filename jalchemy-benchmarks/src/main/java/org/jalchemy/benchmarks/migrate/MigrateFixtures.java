package org.jalchemy.benchmarks.migrate;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.jalchemy.types.SqlTypes.*;

/**
 * The schemas of the two migration workloads, defined once and rendered for every tool:
 *
 * <p><b>migrate_upgrade</b>: revision {@code i} (1-based) creates table {@code m_t<k>} (id, name)
 * when {@code (i-1) % 4 == 0} and otherwise adds column {@code c<i> INTEGER} to the latest table,
 * {@code k = (i-1)/4 + 1}. Every tool runs the same statements; the checksum is the number of
 * columns of the {@code m_t*} tables afterwards.
 *
 * <p><b>migrate_autogenerate</b>: {@code n} tables {@code a_t<i>} (id, six typed columns, a foreign
 * key to the previous table, one index) are created from the "v1" model; the "v2" model adds a
 * column to 10 tables and an index to 5 others, so a correct comparison finds exactly 15
 * differences (the checksum).
 */
public final class MigrateFixtures {
    /** Tables the upgrade workload may create at its full size (for reset). */
    static final int MAX_UPGRADE_TABLES = 100;
    public static final int CHANGED_COLUMNS = 10;
    public static final int CHANGED_INDEXES = 5;

    private MigrateFixtures() {
    }

    // ------------------------------------------------------------------ upgrade

    /** The SQL of revision {@code i}, portable across SQLite, PostgreSQL and MariaDB. */
    public static String upgradeSql(int i) {
        int k = (i - 1) / 4 + 1;
        return (i - 1) % 4 == 0
                ? "CREATE TABLE m_t" + k + " (id INTEGER NOT NULL, name VARCHAR(50), PRIMARY KEY (id))"
                : "ALTER TABLE m_t" + k + " ADD COLUMN c" + i + " INTEGER";
    }

    public static boolean createsTable(int i) {
        return (i - 1) % 4 == 0;
    }

    public static int tableOf(int i) {
        return (i - 1) / 4 + 1;
    }

    /** Columns of the m_t tables after {@code n} revisions. */
    public static long expectedUpgrade(int n) {
        long cols = 0;
        for (int i = 1; i <= n; i++) {
            cols += createsTable(i) ? 2 : 1;
        }
        return cols;
    }

    /** Drops every table and version table the upgrade variants create. */
    public static void resetUpgrade(BenchBackend b) throws SQLException {
        List<String> drops = new ArrayList<>();
        for (int k = MAX_UPGRADE_TABLES; k >= 1; k--) {
            drops.add("DROP TABLE IF EXISTS m_t" + k);
        }
        for (String t : List.of("m_version", "jalchemy_version", "jalchemy_version_progress", "jalchemy_version_lock",
                "flyway_schema_history", "alembic_version")) {
            drops.add("DROP TABLE IF EXISTS " + t);
        }
        b.exec(drops.toArray(String[]::new));
    }

    /** Number of columns across the m_t tables that exist. */
    public static long upgradeChecksum(BenchBackend b) throws SQLException {
        java.sql.Connection c = b.jdbc();
        long cols = 0;
        for (int k = 1; k <= MAX_UPGRADE_TABLES; k++) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM m_t" + k + " WHERE 1 = 0")) {
                cols += rs.getMetaData().getColumnCount();
            } catch (SQLException missing) {
                c.rollback();
                break;
            }
        }
        c.commit();
        return cols;
    }

    // ------------------------------------------------------------------ autogenerate

    /** The model of {@code n} tables; {@code v2} adds the 15 changes. */
    public static MetaData model(int n, boolean v2) {
        MetaData md = new MetaData();
        for (int i = 1; i <= n; i++) {
            Table t = new Table("a_t" + i, md);
            t.column("id", integer()).primaryKey();
            t.column("name", string(50)).nullable(false);
            t.column("body", text());
            t.column("price", numeric(10, 2));
            t.column("born", date());
            t.column("active", booleanType());
            t.column("qty", integer());
            if (i > 1) {
                t.column("parent_id", integer()).foreignKey("a_t" + (i - 1) + ".id");
            }
            t.index("ix_a_t" + i + "_name", "name");
            if (v2 && addsColumn(i, n)) {
                t.column("extra", string(30));
            }
            if (v2 && addsIndex(i, n)) {
                t.index("ix_a_t" + i + "_qty", "qty");
            }
        }
        return md;
    }

    /** Tables 1..10 (scaled into {@code n}) get a new column in v2. */
    static boolean addsColumn(int i, int n) {
        return i % Math.max(1, n / CHANGED_COLUMNS) == 0 && i / Math.max(1, n / CHANGED_COLUMNS) <= CHANGED_COLUMNS;
    }

    /** Five other tables get a new index in v2. */
    static boolean addsIndex(int i, int n) {
        int step = Math.max(2, n / CHANGED_INDEXES);
        return i % step == 1 && i / step < CHANGED_INDEXES;
    }

    public static long expectedDiffs(int n) {
        long d = 0;
        for (int i = 1; i <= n; i++) {
            d += (addsColumn(i, n) ? 1 : 0) + (addsIndex(i, n) ? 1 : 0);
        }
        return d;
    }

    /** Creates the v1 tables (dropping an earlier set first). */
    public static void createAutogenerate(BenchBackend b, int n) {
        MetaData old = model(Math.max(n, 200), false);
        old.dropAll(b.engine());
        model(n, false).createAll(b.engine());
    }
}
