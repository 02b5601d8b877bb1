package org.jalchemy.benchmarks.streaming;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.jalchemy.Jalchemy;
import org.jalchemy.benchmarks.ChildJvm;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.orm.Orm;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;

/**
 * The child process of the streaming workload, started with {@code -Xmx64m}: reads every row of
 * {@code sr_customer} ({@code n} of them, 1,000 per round trip) the way one library streams, into
 * one object per row that it then drops, and reports
 * {@code ok <checksum> <seconds> <heap min MB> <heap max MB> <heap growth MB>}. Ten times during
 * the read (every n/10 rows) it takes the live heap after a full GC; the time of those GCs is
 * left out of the seconds, which start when the query is sent (building an engine or a
 * SessionFactory is not timed). "Flat" means the growth (last checkpoint minus first) stays near zero;
 * a library that kept the rows would not finish in 64 MB at a million rows.
 *
 * <p>Arguments: variant, jalchemy URL, JDBC URL, rows, then the driver properties as
 * {@code key=value}. Variants: {@code jdbc} (a forward-only statement with a fetch size: the
 * floor), {@code core_partitions} (jalchemy Core, {@code text(...).yieldPer(1000)} read with
 * {@code partitions(1000)}), {@code orm_yield_per} (the ORM, {@code select(SrCustomer.class)
 * .yieldPer(1000)} read with {@code partitions(1000)}, each object expunged once read — the
 * session's identity map holds strong references), {@code hibernate_scroll} (a
 * {@code StatelessSession} query's {@code ScrollableResults}, forward only, fetch size 1000) and
 * {@code jooq_fetch_lazy} (jOOQ's {@code fetchLazy()} cursor, fetch size 1000).
 */
public final class StreamMain {
    static final int FETCH = 1000;
    private static final String SQL = "SELECT id, name, description FROM sr_customer";
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final int n;
    private final int every;
    private long rows;
    private long started;
    private long gcNanos;
    private double minMb = Double.MAX_VALUE;
    private double maxMb;
    private double firstMb = -1;
    private double lastMb;

    private StreamMain(int n) {
        this.n = n;
        this.every = Math.max(1, n / 10);
    }

    /** A row as the application sees it. */
    record Customer(int id, String name, String description) {
    }

    /** The ORM's entity for sr_customer. */
    @org.jalchemy.orm.annotations.Entity(table = "sr_customer")
    public static class SrCustomer {
        @org.jalchemy.orm.annotations.Id public Integer id;
        @org.jalchemy.orm.annotations.Column(length = 255) public String name;
        @org.jalchemy.orm.annotations.Column(length = 255) public String description;

        public SrCustomer() {
        }
    }

    /** Hibernate's entity for sr_customer. */
    @jakarta.persistence.Entity(name = "SrCustomer")
    @jakarta.persistence.Table(name = "sr_customer")
    public static class HSrCustomer {
        @jakarta.persistence.Id Integer id;
        String name;
        String description;
    }

    public static void main(String[] args) throws Exception {
        String variant = args[0];
        Properties props = new Properties();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            props.setProperty(kv[0], kv[1]);
        }
        StreamMain m = new StreamMain(Integer.parseInt(args[3]));
        long sum;
        switch (variant) {
            case "jdbc" -> sum = m.jdbc(args[2], props);
            case "core_partitions" -> sum = m.core(args[1]);
            case "orm_yield_per" -> sum = m.orm(args[1]);
            case "hibernate_scroll" -> sum = m.hibernate(args[2], props);
            case "jooq_fetch_lazy" -> sum = m.jooq(args[2], props);
            default -> throw new IllegalArgumentException("unknown streaming variant " + variant);
        }
        double seconds = (System.nanoTime() - m.started - m.gcNanos) / 1e9;
        if (m.rows != m.n) {
            throw new IllegalStateException("read " + m.rows + " rows, expected " + m.n);
        }
        ChildJvm.report(sum, seconds, m.minMb, m.maxMb, m.lastMb - m.firstMb);
        System.exit(0);
    }

    /** Starts the clock: called by each variant just before it sends its query (set-up is not timed). */
    private void begin() {
        started = System.nanoTime();
    }

    /** Counts a row; every n/10 rows, the live heap after a full GC (its time not counted). */
    private long seen(int id, String name, String description) {
        if (++rows % every == 0) {
            long t = System.nanoTime();
            System.gc();
            double mb = MEMORY.getHeapMemoryUsage().getUsed() / 1048576.0;
            gcNanos += System.nanoTime() - t;
            minMb = Math.min(minMb, mb);
            maxMb = Math.max(maxMb, mb);
            if (firstMb < 0) {
                firstMb = mb;
            }
            lastMb = mb;
        }
        return Checksums.row(id, name, description);
    }

    private long seen(Customer c) {
        return seen(c.id(), c.name(), c.description());
    }

    private long jdbc(String url, Properties props) throws Exception {
        long sum = 0;
        try (Connection c = DriverManager.getConnection(url, props)) {
            c.setAutoCommit(false);
            begin();
            try (PreparedStatement ps = c.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum += seen(new Customer(rs.getInt(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            c.rollback();
        }
        return sum;
    }

    private long core(String url) {
        Engine engine = Jalchemy.createEngine(url);
        long sum = 0;
        try (org.jalchemy.engine.Connection c = engine.connect()) {
            begin();
            try (Result r = c.execute(org.jalchemy.sql.Sql.text(SQL).yieldPer(FETCH))) {
                for (List<Row> part : r.partitions(FETCH)) {
                    for (Row row : part) {
                        sum += seen(new Customer(((Number) row.get(0)).intValue(), (String) row.get(1), (String) row.get(2)));
                    }
                }
            }
        }
        return sum;
    }

    private long orm(String url) {
        Engine engine = Jalchemy.createEngine(url);
        SessionFactory f = SessionFactory.bind(engine);
        long sum = 0;
        try (Session s = f.open()) {
            begin();
            OrmResult result = s.execute(Orm.select(SrCustomer.class).yieldPer(FETCH));
            for (List<OrmResult.OrmRow> part : result.partitions(FETCH)) {
                for (OrmResult.OrmRow row : part) {
                    SrCustomer c = row.get(SrCustomer.class);
                    sum += seen(c.id, c.name, c.description);
                    s.expunge(c);
                }
            }
        }
        return sum;
    }

    private long hibernate(String url, Properties props) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setDataSourceProperties(props);
        cfg.setMaximumPoolSize(2);
        cfg.setAutoCommit(false);
        Configuration c = new Configuration().addAnnotatedClass(HSrCustomer.class);
        c.getProperties().put(AvailableSettings.DATASOURCE, new HikariDataSource(cfg));
        c.setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
        c.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        if (url.startsWith("jdbc:sqlite:")) {
            c.setProperty(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        long sum = 0;
        try (var sf = c.buildSessionFactory(); StatelessSession s = sf.openStatelessSession()) {
            s.beginTransaction();
            begin();
            try (ScrollableResults<HSrCustomer> rs = s.createSelectionQuery("from SrCustomer", HSrCustomer.class)
                    .setFetchSize(FETCH).scroll(ScrollMode.FORWARD_ONLY)) {
                while (rs.next()) {
                    HSrCustomer x = rs.get();
                    sum += seen(x.id, x.name, x.description);
                }
            }
            s.getTransaction().rollback();
        }
        return sum;
    }

    private long jooq(String url, Properties props) throws Exception {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SQLDialect dialect = url.startsWith("jdbc:sqlite:") ? SQLDialect.SQLITE
                : url.startsWith("jdbc:postgresql:") ? SQLDialect.POSTGRES : SQLDialect.MARIADB;
        Field<Integer> id = DSL.field(DSL.name("id"), Integer.class);
        Field<String> name = DSL.field(DSL.name("name"), String.class);
        Field<String> description = DSL.field(DSL.name("description"), String.class);
        long sum = 0;
        try (Connection c = DriverManager.getConnection(url, props)) {
            c.setAutoCommit(false);
            DSLContext dsl = DSL.using(c, dialect, new Settings().withExecuteLogging(false));
            begin();
            try (Cursor<Record3<Integer, String, String>> cursor = dsl.select(id, name, description)
                    .from(DSL.table(DSL.name("sr_customer"))).fetchSize(FETCH).fetchLazy()) {
                for (Record3<Integer, String, String> r : cursor) {
                    sum += seen(new Customer(r.value1(), r.value2(), r.value3()));
                }
            }
            c.rollback();
        }
        return sum;
    }
}
