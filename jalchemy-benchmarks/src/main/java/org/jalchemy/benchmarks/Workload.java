package org.jalchemy.benchmarks;

import org.jalchemy.benchmarks.migrate.MigrateFixtures;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The five workloads of SQLAlchemy's {@code examples/performance} suite, with their sizes, their
 * tables and their fixtures.
 *
 * <p>Read workloads (large_resultsets, short_selects, loaders) fill their tables once per backend;
 * write workloads (bulk_inserts, single_inserts) empty theirs before every run, so runs are
 * independent. Every run yields a checksum that must equal {@link #expected(int)}: a variant that
 * skips work (or reads the wrong rows) is reported as wrong, not as fast.
 */
public enum Workload {
    LARGE_RESULTSETS("large_resultsets", 500_000, 20_000, "jdbc", false),
    BULK_INSERTS("bulk_inserts", 100_000, 5_000, "jdbc", true),
    SINGLE_INSERTS("single_inserts", 10_000, 100, "jdbc", true),
    SHORT_SELECTS("short_selects", 10_000, 1_000, "jdbc", false),
    LOADERS("loaders", 1_000, 50, "handwritten", false),
    /** Revisions applied by an upgrade from base (see {@code migrate.MigrateFixtures}). */
    MIGRATE_UPGRADE("migrate_upgrade", 100, 20, "jdbc", true),
    /** Tables of the model compared with the database. */
    MIGRATE_AUTOGENERATE("migrate_autogenerate", 200, 40, "jdbc", false),
    /**
     * Not one of SQLAlchemy's: 10,000 concurrent "requests" (get an account by key, add one to its
     * counter, commit), all submitted at once against a 20-connection pool; jalchemy-async against
     * the same synchronous code on 200 platform threads and SQLAlchemy's asyncio. Request k updates
     * row k + 1, so no two requests touch one row. PostgreSQL and MariaDB only (SQLite has one
     * writer at a time).
     */
    ASYNC_REQUESTS("async_requests", 10_000, 500, "platform_threads", true),
    /**
     * Not one of SQLAlchemy's: short_selects' lookup by primary key over {@link Data#CACHED_GET_HOT}
     * hot ids, with a warm query-result cache (jalchemy-cache): the database lookup (jdbc, core)
     * against a Caffeine hit and a Redis hit.
     */
    CACHED_GET("cached_get", 10_000, 1_000, "jdbc", false),
    /**
     * Not one of SQLAlchemy's: writing to (and, on PostgreSQL, reading from) more than one server.
     * Under {@code mariadb}, the 3-node Galera cluster of {@code ./dev cluster galera start}: 8
     * threads each committing transactions (insert an event row, add one to one of 16 shared
     * counters) through one node ({@code one_node}, the baseline) or spread over three, with
     * {@code runTransaction} retrying certification conflicts; see
     * {@code scaleout.ScaleOutVariants}. Variants whose servers are not up report "not run". The
     * size is the number of transactions; the variants keep their own tables on the cluster.
     */
    SCALE_OUT("scale_out", 2_000, 200, "one_node", false),
    /**
     * Not one of SQLAlchemy's: a cold JVM to the result of its first ORM query on a 50-entity model
     * ({@code boot.BootModel}), each run a child process; the size is the number of entities. In
     * quick mode on SQLite only.
     */
    BOOT("boot", 50, 50, "jdbc", false),
    /**
     * Not one of SQLAlchemy's: bytes retained per object with n objects loaded in an open session
     * (8-column rows), against the same objects in a plain list; measured after full GCs.
     */
    MEMORY("memory", 100_000, 10_000, "plain_list", false),
    /**
     * Not one of SQLAlchemy's: n rows (id, name, description) streamed through a child JVM limited
     * to a 64 MB heap ({@code streaming.StreamMain}): it must finish and its heap after GC must stay
     * flat. The table is filled once and kept while it holds exactly n rows.
     */
    STREAMING("streaming", 1_000_000, 100_000, "jdbc", false),
    /**
     * Not one of SQLAlchemy's: n statements built and compiled, each a 10-way join with 20 filters
     * ({@code compile.JoinQuery}): the first compile (a cache miss) against the cached path and jOOQ
     * rendering the same query. No database access; the dialect is the backend's.
     */
    COMPILE_CACHE("compile_cache", 10_000, 1_000, "first_compile", false);

    /** Connections of the pool every async_requests variant gets (SQLAlchemy's too). */
    public static final int ASYNC_POOL = 20;

    private final String key;
    private final int fullSize;
    private final int quickSize;
    private final String baseline;
    private final boolean writes;

    Workload(String key, int fullSize, int quickSize, String baseline, boolean writes) {
        this.key = key;
        this.fullSize = fullSize;
        this.quickSize = quickSize;
        this.baseline = baseline;
        this.writes = writes;
    }

    /** True for the migration workloads, which have no SQLAlchemy-suite counterpart (Alembic runs them). */
    public boolean migrate() {
        return this == MIGRATE_UPGRADE || this == MIGRATE_AUTOGENERATE;
    }

    /** The name used in the table and the JSON. */
    public String key() {
        return key;
    }

    /** Rows (or operations, or parents for loaders) of a run. */
    public int size(boolean quick) {
        return quick ? quickSize : fullSize;
    }

    /** The variant every other is divided by: {@code jdbc}, or {@code handwritten} for loaders. */
    public String baseline() {
        return baseline;
    }

    /** True when runs write, so the table is emptied before each run and checked afterwards. */
    public boolean writes() {
        return writes;
    }

    /**
     * Seconds of warm-up a variant may spend ({@link WarmUp}): 20, or 2 in quick mode (1 for
     * async_requests), so that the whole quick suite stays under two minutes.
     */
    public double warmupBudget(boolean quick) {
        if (!quick) {
            return 20;
        }
        return this == ASYNC_REQUESTS ? 1 : 2;
    }

    /** Size of the untimed warm-up run: reads warm up on the whole table, loops on a tenth. */
    public int warmupSize(int n) {
        return switch (this) {
            case LARGE_RESULTSETS, LOADERS, MIGRATE_AUTOGENERATE, MEMORY, STREAMING, BOOT -> n;
            default -> Math.max(10, n / 10);
        };
    }

    public static Workload byKey(String key) {
        for (Workload w : values()) {
            if (w.key.equals(key.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("Unknown workload '" + key + "'; workloads are "
                + java.util.Arrays.stream(values()).map(Workload::key).toList());
    }

    /** True when the workload runs on that backend (async_requests needs concurrent writers: not SQLite). */
    public boolean runsOn(String backend) {
        return switch (this) {
            case ASYNC_REQUESTS -> !backend.equals("sqlite");
            case SCALE_OUT -> backend.equals("mariadb") || backend.equals("postgresql");
            default -> true;
        };
    }

    /**
     * {@link #runsOn(String)}, in quick mode or not: quick mode runs the workloads whose figure
     * hardly depends on the database (boot's child JVMs, memory's retained bytes, compile_cache,
     * which does not touch it) on SQLite only.
     */
    public boolean runsOn(String backend, boolean quick) {
        return runsOn(backend) && (!quick || !sqliteOnlyWhenQuick() || backend.equals("sqlite"));
    }

    private boolean sqliteOnlyWhenQuick() {
        return this == BOOT || this == MEMORY || this == COMPILE_CACHE;
    }

    /**
     * True when each run is a separate process (the harness's JIT is not what is measured): one
     * warm-up run, for the database's and the file system's caches.
     */
    public boolean forked() {
        return this == BOOT || this == STREAMING;
    }

    /** The unit of a run's value: {@code s} (seconds) for every workload but memory (bytes per object). */
    public String unit() {
        return this == MEMORY ? "bytes/object" : "s";
    }

    /**
     * True when a run of size n makes n calls and its checksum depends on n (short lookups,
     * compilations, scale_out's transactions); false for reads of the whole fixture, whose checksum
     * does not depend on the run's size.
     */
    public boolean perCall() {
        return this == SHORT_SELECTS || this == CACHED_GET || this == COMPILE_CACHE || this == SCALE_OUT;
    }

    /** True for the workloads of SQLAlchemy's performance suite (what sqlalchemy_bench.py runs). */
    public boolean inSqlAlchemySuite() {
        return ordinal() <= LOADERS.ordinal();
    }

    /** Drops and creates this workload's tables, and fills them when it is a read workload. */
    public void create(BenchBackend b, int n) throws SQLException {
        if (this == MIGRATE_UPGRADE) {
            MigrateFixtures.resetUpgrade(b);
            return;
        }
        if (this == MIGRATE_AUTOGENERATE) {
            MigrateFixtures.createAutogenerate(b, n);
            return;
        }
        if (this == STREAMING && holdsRows(b, "sr_customer", n)) {
            return; // a million rows take a while to insert: kept between runs of the suite
        }
        for (String t : Tables.of(this)) {
            b.exec("DROP TABLE IF EXISTS " + t);
        }
        b.exec(Tables.ddl(this, b));
        switch (this) {
            case LARGE_RESULTSETS -> fillCustomers(b, "lr_customer", n, false);
            case SHORT_SELECTS -> fillCustomers(b, "ss_customer", Data.SHORT_SELECT_ROWS, true);
            case CACHED_GET -> fillCustomers(b, "cg_customer", Data.SHORT_SELECT_ROWS, true);
            case LOADERS -> fillLoaders(b, n);
            case ASYNC_REQUESTS -> fillAccounts(b, n);
            case MEMORY -> fillCustomers(b, "mm_customer", n, true);
            case STREAMING -> fillCustomers(b, "sr_customer", n, false);
            case BOOT -> fillBoot(b);
            default -> {
            }
        }
    }

    /** Empties a write workload's table (identity restarted) before a run; no-op for reads. */
    public void reset(BenchBackend b) throws SQLException {
        if (!writes) {
            return;
        }
        if (this == MIGRATE_UPGRADE) {
            MigrateFixtures.resetUpgrade(b);
            return;
        }
        if (this == ASYNC_REQUESTS) {
            b.exec("UPDATE ar_account SET counter = 0");
            return;
        }
        String t = Tables.of(this)[0];
        if (b.isSqlite()) {
            b.exec("DELETE FROM " + t);
        } else if (b.isPostgresql()) {
            b.exec("TRUNCATE " + t + " RESTART IDENTITY");
        } else {
            b.exec("TRUNCATE TABLE " + t);
        }
    }

    /**
     * For write workloads, the checksum of what the run left in the table: rows plus total text
     * length; for async_requests the sum of counter × id (request k adds one to row k + 1).
     */
    public long tableChecksum(BenchBackend b) throws SQLException {
        if (this == MIGRATE_UPGRADE) {
            return MigrateFixtures.upgradeChecksum(b);
        }
        String t = Tables.of(this)[0];
        java.sql.Connection c = b.jdbc();
        String sql = this == ASYNC_REQUESTS ? "SELECT 0, SUM(counter * id) FROM ar_account"
                : "SELECT COUNT(*), SUM(LENGTH(name)) + SUM(LENGTH(description)) FROM " + t;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1) + rs.getLong(2);
            c.commit();
            return v;
        }
    }

    /** The checksum a correct run of size {@code n} yields. */
    public long expected(int n) {
        long sum = 0;
        switch (this) {
            case LARGE_RESULTSETS -> {
                for (long i = 1; i <= n; i++) {
                    sum += i + Data.name(i).length() + Data.description(i).length();
                }
            }
            case BULK_INSERTS, SINGLE_INSERTS -> {
                for (long i = 1; i <= n; i++) {
                    sum += 1 + Data.name(i).length() + Data.description(i).length();
                }
            }
            case SHORT_SELECTS -> {
                for (int k = 0; k < n; k++) {
                    long id = Data.shortSelectId(k);
                    sum += Checksums.customer(id, Data.name(id), id);
                }
            }
            case CACHED_GET -> {
                for (int k = 0; k < n; k++) {
                    long id = Data.cachedGetId(k);
                    sum += Checksums.customer(id, Data.name(id), id);
                }
            }
            case STREAMING -> {
                for (long i = 1; i <= n; i++) {
                    sum += i + Data.name(i).length() + Data.description(i).length();
                }
            }
            case MEMORY -> {
                for (long id = 1; id <= n; id++) {
                    sum += Checksums.customer(id, Data.name(id), id);
                }
            }
            case BOOT -> sum = Checksums.named(1, Data.name(1));
            case COMPILE_CACHE -> sum = (long) n * org.jalchemy.benchmarks.compile.JoinQuery.BINDS;
            case MIGRATE_UPGRADE -> sum = MigrateFixtures.expectedUpgrade(n);
            case MIGRATE_AUTOGENERATE -> sum = MigrateFixtures.expectedDiffs(n);
            case ASYNC_REQUESTS -> sum = (long) n * (n + 1) / 2;
            case SCALE_OUT -> sum = org.jalchemy.benchmarks.scaleout.ScaleOutVariants.expected(n);
            case LOADERS -> {
                long children = (long) n * Data.CHILDREN_PER_PARENT;
                for (long p = 1; p <= n; p++) {
                    sum += p + Data.parentName(p).length();
                }
                for (long j = 1; j <= children; j++) {
                    sum += j + Data.childName(j).length();
                }
            }
        }
        return sum;
    }

    private static void fillCustomers(BenchBackend b, String table, int n, boolean extra) throws SQLException {
        java.sql.Connection c = b.jdbc();
        String sql = extra
                ? "INSERT INTO " + table + " (id, name, description, q, p, x, y, z) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO " + table + " (id, name, description) VALUES (?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= n; i++) {
                ps.setInt(1, i);
                ps.setString(2, Data.name(i));
                ps.setString(3, Data.description(i));
                if (extra) {
                    for (int k = 4; k <= 8; k++) {
                        ps.setInt(k, i);
                    }
                }
                ps.addBatch();
                if (i % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        analyze(b, table);
    }

    /** True when {@code table} exists and holds exactly rows 1..n. */
    private static boolean holdsRows(BenchBackend b, String table, int n) {
        java.sql.Connection c;
        try {
            c = b.jdbc();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(id), MAX(id) FROM " + table)) {
                rs.next();
                boolean same = rs.getLong(1) == n && rs.getLong(2) == 1 && rs.getLong(3) == n;
                c.commit();
                return same;
            }
        } catch (SQLException e) {
            try {
                b.jdbc().rollback(); // no such table yet (PostgreSQL needs the failed transaction ended)
            } catch (SQLException ignored) {
                // the create that follows will say what is wrong
            }
            return false;
        }
    }

    /** {@link org.jalchemy.benchmarks.boot.BootModel#ROWS} rows per table of the boot model, each row's parent the same id one table up. */
    private static void fillBoot(BenchBackend b) throws SQLException {
        java.sql.Connection c = b.jdbc();
        int tables = org.jalchemy.benchmarks.boot.BootModel.ENTITIES;
        for (int t = 1; t <= tables; t++) {
            String sql = "INSERT INTO " + org.jalchemy.benchmarks.boot.BootModel.table(t)
                    + " (id, name, code, amount, quantity, active, note" + (t > 1 ? ", parent_id" : "")
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?" + (t > 1 ? ", ?" : "") + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 1; i <= org.jalchemy.benchmarks.boot.BootModel.ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, Data.name(i));
                    ps.setString(3, "C" + i);
                    ps.setBigDecimal(4, java.math.BigDecimal.valueOf(i * 100L, 2));
                    ps.setInt(5, i);
                    ps.setBoolean(6, i % 2 == 0);
                    ps.setString(7, Data.description(i));
                    if (t > 1) {
                        ps.setInt(8, i);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        c.commit();
    }

    private static void fillAccounts(BenchBackend b, int n) throws SQLException {
        java.sql.Connection c = b.jdbc();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ar_account (id, name, counter) VALUES (?, ?, 0)")) {
            for (int i = 1; i <= n; i++) {
                ps.setInt(1, i);
                ps.setString(2, Data.name(i));
                ps.addBatch();
                if (i % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        analyze(b, "ar_account");
    }

    private static void fillLoaders(BenchBackend b, int parents) throws SQLException {
        java.sql.Connection c = b.jdbc();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ld_parent (id, name) VALUES (?, ?)")) {
            for (int i = 1; i <= parents; i++) {
                ps.setInt(1, i);
                ps.setString(2, Data.parentName(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        long children = (long) parents * Data.CHILDREN_PER_PARENT;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ld_child (id, parent_id, name) VALUES (?, ?, ?)")) {
            for (long j = 1; j <= children; j++) {
                ps.setLong(1, j);
                ps.setInt(2, Data.parentOf(j));
                ps.setString(3, Data.childName(j));
                ps.addBatch();
                if (j % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        analyze(b, "ld_parent");
        analyze(b, "ld_child");
    }

    private static void analyze(BenchBackend b, String table) throws SQLException {
        if (b.isPostgresql()) {
            b.exec("ANALYZE " + table);
        } else if (b.isMariadb()) {
            b.exec("ANALYZE TABLE " + table);
        } else {
            b.exec("ANALYZE " + table);
        }
    }
}
