package org.jalchemy.benchmarks.orm;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Data;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.orm.Orm;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.Select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * jalchemy ORM variants of the workloads, as SQLAlchemy's performance suite runs its ORM: mapped
 * classes, a Session from a SessionFactory, 2.0-style selects, addAll + commit, get by key on a
 * fresh session. Mapped classes match the harness's tables ({@code Tables}); the ORM does not
 * create them.
 */
public final class OrmVariants {
    private static final Map<BenchBackend, SessionFactory> FACTORIES = new ConcurrentHashMap<>();

    private OrmVariants() {
    }

    /** Row of the large_resultsets table. */
    @Entity(table = "lr_customer")
    public static class LrCustomer {
        @Id @Column public Integer id;
        @Column(length = 255) public String name;
        @Column(length = 255) public String description;

        public LrCustomer() {
        }
    }

    /** Row of the bulk_inserts table. */
    @Entity(table = "bi_customer")
    public static class BiCustomer {
        @Id @Column public Integer id;
        @Column(length = 255) public String name;
        @Column(length = 255) public String description;

        public BiCustomer() {
        }

        BiCustomer(Integer id, String name, String description) {
            this.id = id;
            this.name = name;
            this.description = description;
        }
    }

    /** Row of the single_inserts table. */
    @Entity(table = "si_customer")
    public static class SiCustomer {
        @Id @Column public Integer id;
        @Column(length = 255) public String name;
        @Column(length = 255) public String description;

        public SiCustomer() {
        }
    }

    /** Row of the short_selects table. */
    @Entity(table = "ss_customer")
    public static class SsCustomer {
        @Id @Column public Integer id;
        @Column(length = 255) public String name;
        @Column(length = 255) public String description;
        @Column public Integer q;
        @Column public Integer p;
        @Column public Integer x;
        @Column public Integer y;
        @Column public Integer z;

        public SsCustomer() {
        }
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.LARGE_RESULTSETS, "orm_columns", OrmVariants::ormColumns),
                Variant.of(Workload.LARGE_RESULTSETS, "orm_full", OrmVariants::ormFull),
                Variant.of(Workload.LARGE_RESULTSETS, "orm_full_chunks", OrmVariants::ormFullChunks),
                Variant.of(Workload.BULK_INSERTS, "orm_flush_no_pk", (b, n) -> flush(b, n, false)),
                Variant.of(Workload.BULK_INSERTS, "orm_flush_pk_given", (b, n) -> flush(b, n, true)),
                Variant.of(Workload.BULK_INSERTS, "orm_bulk_insert", OrmVariants::bulkInsert),
                Variant.of(Workload.SINGLE_INSERTS, "orm_flush_no_pk", OrmVariants::singleInserts),
                Variant.of(Workload.SHORT_SELECTS, "orm_get", OrmVariants::get));
    }

    private static SessionFactory factory(BenchBackend b) {
        return FACTORIES.computeIfAbsent(b, x -> SessionFactory.bind(x.engine()));
    }

    static long ormColumns(BenchBackend b, int n) {
        Mapper<LrCustomer> m = Orm.mapper(LrCustomer.class);
        Select<?> q = Orm.select(m.attribute("id"), m.attribute("name"), m.attribute("description"));
        long sum = 0;
        try (Session s = factory(b).open()) {
            for (OrmResult.OrmRow row : s.execute(q)) {
                sum += Checksums.row(((Number) row.get(0)).longValue(), (String) row.get(1), (String) row.get(2));
            }
        }
        return sum;
    }

    static long ormFull(BenchBackend b, int n) {
        long sum = 0;
        try (Session s = factory(b).open()) {
            List<LrCustomer> all = s.scalars(Orm.select(LrCustomer.class)).all();
            for (LrCustomer c : all) {
                sum += Checksums.row(c.id, c.name, c.description);
            }
        }
        return sum;
    }

    static long ormFullChunks(BenchBackend b, int n) {
        long sum = 0;
        try (Session s = factory(b).open()) {
            for (OrmResult.OrmRow row : s.execute(Orm.select(LrCustomer.class).yieldPer(1000))) {
                LrCustomer c = row.get(LrCustomer.class);
                sum += Checksums.row(c.id, c.name, c.description);
                s.expunge(c); // constant memory: the identity map does not keep what was read
            }
        }
        return sum;
    }

    static long flush(BenchBackend b, int n, boolean givenKeys) {
        List<BiCustomer> objects = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            objects.add(new BiCustomer(givenKeys ? i : null, Data.name(i), Data.description(i)));
        }
        try (Session s = factory(b).open()) {
            s.addAll(objects);
            s.commit();
        }
        return 0;
    }

    static long bulkInsert(BenchBackend b, int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Map<String, Object> r = new HashMap<>(4);
            r.put("name", Data.name(i));
            r.put("description", Data.description(i));
            rows.add(r);
        }
        try (Session s = factory(b).open()) {
            s.execute(Orm.insert(BiCustomer.class), rows);
            s.commit();
        }
        return 0;
    }

    static long singleInserts(BenchBackend b, int n) {
        SessionFactory f = factory(b);
        for (int i = 1; i <= n; i++) {
            try (Session s = f.open()) {
                SiCustomer c = new SiCustomer();
                c.name = Data.name(i);
                c.description = Data.description(i);
                s.add(c);
                s.commit();
            }
        }
        return 0;
    }

    static long get(BenchBackend b, int n) {
        SessionFactory f = factory(b);
        long sum = 0;
        for (int k = 0; k < n; k++) {
            try (Session s = f.open()) {
                SsCustomer c = s.get(SsCustomer.class, Data.shortSelectId(k)).orElseThrow();
                sum += Checksums.customer(c.id, c.name, c.q);
            }
        }
        return sum;
    }
}
