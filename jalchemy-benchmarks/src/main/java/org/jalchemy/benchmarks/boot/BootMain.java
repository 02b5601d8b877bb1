package org.jalchemy.benchmarks.boot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.jalchemy.Jalchemy;
import org.jalchemy.benchmarks.ChildJvm;
import org.jalchemy.benchmarks.boot.jalchemy.E01;
import org.jalchemy.benchmarks.boot.jalchemy.E01_;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.Orm;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;

/**
 * The child process of the boot workload: one cold JVM that starts a data layer on the
 * {@link BootModel} and runs its first query (the row with id 1 of {@code bt_e01}), then reports
 * {@code ok <checksum> <ms in main> <ms since JVM start> <classes loaded>} and exits at once
 * (pools are not closed: the process ends). Arguments: the variant, then the jalchemy URL, the
 * JDBC URL and the driver properties as {@code key=value} (so that the JDBC floor loads no
 * jalchemy class to find them).
 *
 * <ul>
 *   <li>{@code jdbc}: {@code DriverManager} connection and one prepared SELECT (the floor: JVM,
 *       driver, connection);</li>
 *   <li>{@code orm}: {@code Registry.of} the 50 classes (every mapper and table, eagerly),
 *       {@code Jalchemy.createEngine}, {@code SessionFactory.bind}, a session running
 *       {@code select(E01.class).where(E01_.id.eq(1))} through the generated metamodel;</li>
 *   <li>{@code hibernate}: a HikariCP pool over the same driver settings, a {@code Configuration}
 *       with the 50 annotated classes, {@code buildSessionFactory()}, a session running
 *       {@code from E01 e where e.id = :id}.</li>
 * </ul>
 */
public final class BootMain {
    private BootMain() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String variant = args[0];
        Properties props = new Properties();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            props.setProperty(kv[0], kv[1]);
        }
        long checksum = switch (variant) {
            case "jdbc" -> jdbc(args[2], props);
            case "orm" -> orm(args[1]);
            case "hibernate" -> hibernate(args[2], props);
            default -> throw new IllegalArgumentException("unknown boot variant " + variant);
        };
        double mainMs = (System.nanoTime() - t0) / 1e6;
        ChildJvm.report(checksum, mainMs, ManagementFactory.getRuntimeMXBean().getUptime(),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        System.exit(0);
    }

    /** The checksum of row 1 of bt_e01: its id plus the length of its name. */
    private static long checksum(int id, String name) {
        return id + name.length();
    }

    private static long jdbc(String url, Properties props) throws Exception {
        Connection c = DriverManager.getConnection(url, props);
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, code, amount, quantity, created, active, note FROM bt_e01 WHERE id = ?")) {
            ps.setInt(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long sum = checksum(rs.getInt(1), rs.getString(2));
                c.rollback();
                return sum;
            }
        }
    }

    private static long orm(String url) {
        Registry.of(org.jalchemy.benchmarks.boot.jalchemy.Model.CLASSES);
        Engine engine = Jalchemy.createEngine(url);
        SessionFactory factory = SessionFactory.bind(engine);
        try (Session s = factory.open()) {
            E01 e = s.scalars(Orm.select(E01.class).where(E01_.id.eq(1))).one();
            return checksum(e.id, e.name);
        }
    }

    private static long hibernate(String url, Properties props) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setDataSourceProperties(props);
        cfg.setMaximumPoolSize(5);
        cfg.setMinimumIdle(1);
        cfg.setAutoCommit(false);
        Configuration c = new Configuration();
        for (Class<?> k : org.jalchemy.benchmarks.boot.hibernate.Model.CLASSES) {
            c.addAnnotatedClass(k);
        }
        c.getProperties().put(AvailableSettings.DATASOURCE, new HikariDataSource(cfg));
        c.setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
        c.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        if (url.startsWith("jdbc:sqlite:")) {
            c.setProperty(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        }
        try (var sf = c.buildSessionFactory(); var s = sf.openSession()) {
            s.beginTransaction();
            var e = s.createSelectionQuery("from E01 e where e.id = :id", org.jalchemy.benchmarks.boot.hibernate.E01.class)
                    .setParameter("id", 1).getSingleResult();
            long sum = checksum(e.id, e.name);
            s.getTransaction().rollback();
            return sum;
        }
    }
}
