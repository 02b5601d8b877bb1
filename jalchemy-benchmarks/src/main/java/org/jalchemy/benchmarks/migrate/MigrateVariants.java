package org.jalchemy.benchmarks.migrate;

import org.flywaydb.core.Flyway;
import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.engine.Connection;
import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.Migrator;
import org.jalchemy.migrate.Ops;
import org.jalchemy.migrate.autogenerate.Autogenerate;
import org.jalchemy.migrate.autogenerate.AutogenerateOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * The migration workloads' Java variants (Alembic runs from {@code migrate_bench.py}):
 * <ul>
 *   <li>migrate_upgrade — {@code jdbc}: the floor, each revision's statement plus a version-row
 *       update, one commit at the end; {@code jalchemy}: {@link Migrator#upgrade} of revision classes (lock,
 *       version table, plan, op compilation); {@code flyway}: Flyway 13 over the same statements as
 *       SQL files (no SQLite support in its free modules, so not run there).</li>
 *   <li>migrate_autogenerate — {@code jdbc}: a hand-written comparison over
 *       {@link DatabaseMetaData} (columns and indexes of every table against the model), the I/O
 *       floor of any autogenerate; {@code jalchemy}: {@link Autogenerate#compare}.</li>
 * </ul>
 */
public final class MigrateVariants {
    private MigrateVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.MIGRATE_UPGRADE, "jdbc", MigrateVariants::upgradeJdbc),
                Variant.of(Workload.MIGRATE_UPGRADE, "jalchemy", MigrateVariants::upgradeJalchemy),
                Variant.of(Workload.MIGRATE_UPGRADE, "flyway", MigrateVariants::upgradeFlyway),
                Variant.of(Workload.MIGRATE_AUTOGENERATE, "jdbc", MigrateVariants::autogenerateJdbc),
                Variant.of(Workload.MIGRATE_AUTOGENERATE, "jalchemy", MigrateVariants::autogenerateJalchemy));
    }

    static long upgradeJdbc(BenchBackend b, int n) throws SQLException {
        java.sql.Connection c = b.jdbc();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE m_version (version_num VARCHAR(32) NOT NULL, PRIMARY KEY (version_num))");
            st.execute("INSERT INTO m_version (version_num) VALUES ('0')");
            c.commit();
            try (PreparedStatement up = c.prepareStatement("UPDATE m_version SET version_num = ?")) {
                for (int i = 1; i <= n; i++) {
                    st.execute(MigrateFixtures.upgradeSql(i));
                    up.setString(1, Integer.toString(i));
                    up.executeUpdate();
                }
            }
            c.commit(); // one transaction, as jalchemy and Alembic run (MySQL commits each DDL anyway)
        }
        return 0;
    }

    /** One revision class per step, as a user's scripts would be. */
    record Step(int i) implements Migration {
        @Override
        public String revision() {
            return String.format("r%04d", i);
        }

        @Override
        public String downRevision() {
            return i == 1 ? null : String.format("r%04d", i - 1);
        }

        @Override
        public void upgrade(Ops op) {
            int k = MigrateFixtures.tableOf(i);
            if (MigrateFixtures.createsTable(i)) {
                op.createTable("m_t" + k, column("id", integer()).primaryKey().autoincrement(false), column("name", string(50)));
            } else {
                op.addColumn("m_t" + k, column("c" + i, integer()));
            }
        }

        @Override
        public void downgrade(Ops op) {
            throw new UnsupportedOperationException();
        }
    }

    static long upgradeJalchemy(BenchBackend b, int n) {
        List<Migration> revs = b.shared("migrate.revisions." + n, () -> {
            List<Migration> l = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                l.add(new Step(i));
            }
            return l;
        });
        Migrator.builder(b.engine()).scripts(revs).build().upgrade("head");
        return 0;
    }

    static long upgradeFlyway(BenchBackend b, int n) throws IOException {
        if (b.isSqlite()) {
            throw new Variant.NotApplicable("Flyway 13's free modules have no SQLite support");
        }
        Path dir = b.shared("migrate.flyway." + n, () -> {
            try {
                Path d = Files.createTempDirectory("flyway-bench");
                for (int i = 1; i <= n; i++) {
                    Files.writeString(d.resolve("V" + i + "__step" + i + ".sql"), MigrateFixtures.upgradeSql(i) + ";\n");
                }
                d.toFile().deleteOnExit();
                return d;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // the bench database holds the other workloads' tables: start the history at version 0
        Flyway.configure().dataSource(b.pooled()).locations("filesystem:" + dir).baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        return 0;
    }

    static long autogenerateJdbc(BenchBackend b, int n) throws SQLException {
        var model = b.shared("migrate.model." + n, () -> MigrateFixtures.model(n, true));
        java.sql.Connection c = b.jdbc();
        DatabaseMetaData md = c.getMetaData();
        String schema = b.isPostgresql() ? "public" : null;
        String catalog = b.isMariadb() ? c.getCatalog() : null;
        long diffs = 0;
        Set<String> tables = new HashSet<>();
        try (ResultSet rs = md.getTables(catalog, schema, "a_t%", new String[]{"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").startsWith("a_t")) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        for (var t : model.tables()) {
            if (!tables.contains(t.name())) {
                diffs++;
                continue;
            }
            Set<String> cols = new HashSet<>();
            try (ResultSet rs = md.getColumns(catalog, schema, t.name(), null)) {
                while (rs.next()) {
                    cols.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            for (var col : t.columns()) {
                if (!cols.contains(col.name())) {
                    diffs++;
                }
            }
            Set<String> ixs = new HashSet<>();
            try (ResultSet rs = md.getIndexInfo(catalog, schema, t.name(), false, true)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null) {
                        ixs.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
            try (ResultSet rs = md.getPrimaryKeys(catalog, schema, t.name())) {
                while (rs.next()) {
                    rs.getString("COLUMN_NAME");
                }
            }
            try (ResultSet rs = md.getImportedKeys(catalog, schema, t.name())) {
                while (rs.next()) {
                    rs.getString("FKCOLUMN_NAME");
                }
            }
            for (var ix : t.indexes()) {
                if (!ixs.contains(ix.name())) {
                    diffs++;
                }
            }
        }
        c.commit();
        return diffs;
    }

    private static final AutogenerateOptions ONLY_A_T = AutogenerateOptions.defaults().includeName((name, type, parents) ->
            type != AutogenerateOptions.ObjectType.TABLE || name.startsWith("a_t"));

    static long autogenerateJalchemy(BenchBackend b, int n) {
        var model = b.shared("migrate.model." + n, () -> MigrateFixtures.model(n, true));
        try (Connection c = b.engine().connect()) {
            // as the Alembic variant's include_name: only the workload's a_t* tables are compared
            return Autogenerate.compare(model, c, ONLY_A_T).upgradeOps().size();
        }
    }
}
