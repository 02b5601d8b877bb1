package org.jalchemy.benchmarks.jooq;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Data;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * jOOQ, the rival for typed SQL: the DSL with typed fields over the same long-lived raw JDBC
 * connection as the {@code jdbc} floor, records mapped into POJOs with {@code Records.mapping}
 * (jOOQ's idiomatic, reflection-free mapping), batches with {@code batch(...).bind(...)}.
 * Execute logging is off, as in production.
 */
public final class JooqVariants {
    /** A customer row as a POJO. */
    public record Customer(Integer id, String name, String description) {
    }

    private static final Table<?> LR = table(name("lr_customer"));
    private static final Table<?> BI = table(name("bi_customer"));
    private static final Table<?> SI = table(name("si_customer"));
    private static final Table<?> SS = table(name("ss_customer"));
    private static final Field<Integer> ID = field(name("id"), Integer.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> DESCRIPTION = field(name("description"), String.class);
    private static final Field<Integer> Q = field(name("q"), Integer.class);

    private JooqVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.LARGE_RESULTSETS, "jooq", JooqVariants::largeResultsets),
                Variant.of(Workload.BULK_INSERTS, "jooq", JooqVariants::bulkInserts),
                Variant.of(Workload.SHORT_SELECTS, "jooq", JooqVariants::shortSelects));
    }

    static DSLContext dsl(BenchBackend b) throws java.sql.SQLException {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SQLDialect dialect = b.isSqlite() ? SQLDialect.SQLITE : b.isPostgresql() ? SQLDialect.POSTGRES : SQLDialect.MARIADB;
        return DSL.using(b.jdbc(), dialect, new Settings().withExecuteLogging(false));
    }

    static long largeResultsets(BenchBackend b, int n) throws Exception {
        DSLContext ctx = dsl(b);
        List<Customer> rows = ctx.select(ID, NAME, DESCRIPTION).from(LR).fetch(Records.mapping(Customer::new));
        b.jdbc().commit();
        long sum = 0;
        for (Customer c : rows) {
            sum += Checksums.row(c.id(), c.name(), c.description());
        }
        return sum;
    }

    static long bulkInserts(BenchBackend b, int n) throws Exception {
        DSLContext ctx = dsl(b);
        BatchBindStep batch = ctx.batch(ctx.insertInto(BI, NAME, DESCRIPTION).values((String) null, (String) null));
        for (int i = 1; i <= n; i++) {
            batch.bind(Data.name(i), Data.description(i));
        }
        batch.execute();
        b.jdbc().commit();
        return 0;
    }

    static long shortSelects(BenchBackend b, int n) throws Exception {
        DSLContext ctx = dsl(b);
        long sum = 0;
        for (int k = 0; k < n; k++) {
            var r = ctx.select(ID, NAME, DESCRIPTION, Q, field(name("p"), Integer.class), field(name("x"), Integer.class),
                            field(name("y"), Integer.class), field(name("z"), Integer.class))
                    .from(SS).where(ID.eq(Data.shortSelectId(k))).fetchSingle();
            sum += Checksums.customer(r.value1(), r.value2(), r.value4());
        }
        b.jdbc().commit();
        return sum;
    }
}
