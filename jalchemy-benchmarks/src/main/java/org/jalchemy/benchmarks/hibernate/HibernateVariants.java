package org.jalchemy.benchmarks.hibernate;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Data;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.benchmarks.hibernate.Entities.BiCustomer;
import org.jalchemy.benchmarks.hibernate.Entities.LdChild;
import org.jalchemy.benchmarks.hibernate.Entities.LdParent;
import org.jalchemy.benchmarks.hibernate.Entities.LrCustomer;
import org.jalchemy.benchmarks.hibernate.Entities.MmCustomer;
import org.jalchemy.benchmarks.memory.Retained;
import org.jalchemy.benchmarks.hibernate.Entities.SsCustomer;

import java.util.ArrayList;
import java.util.List;

/**
 * Hibernate ORM 7, the rival for the ORM variants: a {@code Session} (persistence context, dirty
 * checking snapshots) and a {@code StatelessSession} (no context), on a HikariCP pool over the
 * same driver, configured as a tuned production application would be: JDBC batches of 1000,
 * ordered inserts, the pool's autocommit off announced to Hibernate. The SessionFactory is built
 * once per backend, outside the timed runs.
 */
public final class HibernateVariants {
    static final int BATCH = 1000;

    private HibernateVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.LARGE_RESULTSETS, "hibernate_session", HibernateVariants::largeSession),
                Variant.of(Workload.LARGE_RESULTSETS, "hibernate_stateless", HibernateVariants::largeStateless),
                Variant.of(Workload.BULK_INSERTS, "hibernate_session", HibernateVariants::bulkSession),
                Variant.of(Workload.BULK_INSERTS, "hibernate_stateless", HibernateVariants::bulkStateless),
                Variant.of(Workload.SHORT_SELECTS, "hibernate_session", HibernateVariants::shortSession),
                Variant.of(Workload.LOADERS, "hibernate_session", HibernateVariants::loadersJoinFetch),
                Variant.of(Workload.MEMORY, "hibernate_session", HibernateVariants::memorySession));
    }

    static SessionFactory factory(BenchBackend b) {
        return b.shared("hibernate", () -> {
            Configuration cfg = new Configuration()
                    .addAnnotatedClass(LrCustomer.class)
                    .addAnnotatedClass(BiCustomer.class)
                    .addAnnotatedClass(SsCustomer.class)
                    .addAnnotatedClass(LdParent.class)
                    .addAnnotatedClass(LdChild.class)
                    .addAnnotatedClass(MmCustomer.class);
            cfg.getProperties().put(AvailableSettings.DATASOURCE, b.pooled());
            cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH));
            cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
            cfg.setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
            cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
            cfg.setProperty(AvailableSettings.SHOW_SQL, "false");
            if (b.isSqlite()) {
                cfg.setProperty(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
            }
            return cfg.buildSessionFactory();
        });
    }

    static long largeSession(BenchBackend b, int n) {
        long sum = 0;
        try (Session s = factory(b).openSession()) {
            s.beginTransaction();
            for (LrCustomer c : s.createSelectionQuery("from LrCustomer", LrCustomer.class).getResultList()) {
                sum += Checksums.row(c.id, c.name, c.description);
            }
            s.getTransaction().commit();
        }
        return sum;
    }

    static long largeStateless(BenchBackend b, int n) {
        long sum = 0;
        try (StatelessSession s = factory(b).openStatelessSession()) {
            s.beginTransaction();
            for (LrCustomer c : s.createSelectionQuery("from LrCustomer", LrCustomer.class).getResultList()) {
                sum += Checksums.row(c.id, c.name, c.description);
            }
            s.getTransaction().commit();
        }
        return sum;
    }

    /** persist() with flush and clear every batch, Hibernate's documented batch-insert pattern. */
    static long bulkSession(BenchBackend b, int n) {
        try (Session s = factory(b).openSession()) {
            s.beginTransaction();
            for (int i = 1; i <= n; i++) {
                s.persist(new BiCustomer(i, Data.name(i), Data.description(i)));
                if (i % BATCH == 0) {
                    s.flush();
                    s.clear();
                }
            }
            s.getTransaction().commit();
        }
        return 0;
    }

    static long bulkStateless(BenchBackend b, int n) {
        try (StatelessSession s = factory(b).openStatelessSession()) {
            s.beginTransaction();
            List<BiCustomer> rows = new ArrayList<>(BATCH);
            for (int i = 1; i <= n; i++) {
                rows.add(new BiCustomer(i, Data.name(i), Data.description(i)));
                if (rows.size() == BATCH) {
                    s.insertMultiple(rows);
                    rows.clear();
                }
            }
            if (!rows.isEmpty()) {
                s.insertMultiple(rows);
            }
            s.getTransaction().commit();
        }
        return 0;
    }

    /** {@code find} by id in one session; the ids never repeat, so every lookup reaches the database. */
    static long shortSession(BenchBackend b, int n) {
        long sum = 0;
        try (Session s = factory(b).openSession()) {
            s.beginTransaction();
            for (int k = 0; k < n; k++) {
                SsCustomer c = s.find(SsCustomer.class, Data.shortSelectId(k));
                sum += Checksums.customer(c.id, c.name, c.q);
            }
            s.getTransaction().commit();
        }
        return sum;
    }

    /** Parents with their children in one query: {@code left join fetch} (Hibernate's joined eager load). */
    static long loadersJoinFetch(BenchBackend b, int n) {
        long sum = 0;
        try (Session s = factory(b).openSession()) {
            s.beginTransaction();
            List<LdParent> parents = s.createSelectionQuery(
                    "from LdParent p left join fetch p.children order by p.id", LdParent.class).getResultList();
            for (LdParent p : parents) {
                sum += Checksums.named(p.id, p.name);
                for (LdChild c : p.children) {
                    sum += Checksums.named(c.id, c.name);
                }
            }
            s.getTransaction().commit();
        }
        return sum;
    }

    /** The memory workload: every row of mm_customer in an open session (persistence context, snapshots). */
    static long memorySession(BenchBackend b, int n) throws Exception {
        return Retained.perObject(n, () -> {
            Session s = factory(b).openSession();
            s.beginTransaction();
            List<MmCustomer> all = s.createSelectionQuery("from MmCustomer", MmCustomer.class).getResultList();
            return new Retained.Loaded() {
                @Override
                public long checksum() {
                    long sum = 0;
                    for (MmCustomer c : all) {
                        sum += Checksums.customer(c.id, c.name, c.q);
                    }
                    return sum;
                }

                @Override
                public void close() {
                    s.getTransaction().commit();
                    s.close();
                }
            };
        });
    }
}
