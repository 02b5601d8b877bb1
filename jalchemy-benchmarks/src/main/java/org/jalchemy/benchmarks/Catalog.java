package org.jalchemy.benchmarks;

import org.jalchemy.benchmarks.core.CoreVariants;
import org.jalchemy.benchmarks.hibernate.HibernateVariants;
import org.jalchemy.benchmarks.jdbc.JdbcVariants;
import org.jalchemy.benchmarks.jooq.JooqVariants;

import java.util.ArrayList;
import java.util.List;

/**
 * Every variant the suite knows, in report order, and the jalchemy variants still waiting for a
 * feature. Adding a family is one line in {@link #variants()}; when the ORM lands, its variants
 * move from {@link #planned()} into an {@code OrmVariants} family.
 */
public final class Catalog {
    private Catalog() {
    }

    /** The runnable variants, baselines first. */
    public static List<Variant> variants() {
        List<Variant> all = new ArrayList<>();
        all.addAll(JdbcVariants.all());
        all.addAll(CoreVariants.all());
        all.addAll(HibernateVariants.all());
        all.addAll(JooqVariants.all());
        return all;
    }

    /** Variants named by the issue that jalchemy cannot run yet. */
    public static List<Planned> planned() {
        String orm = "the ORM (Session, mapped classes)";
        String rel = "ORM relationships and loader strategies";
        return List.of(
                new Planned(Workload.LARGE_RESULTSETS, "orm_columns", orm),
                new Planned(Workload.LARGE_RESULTSETS, "orm_full", orm),
                new Planned(Workload.LARGE_RESULTSETS, "orm_full_chunks", orm),
                new Planned(Workload.BULK_INSERTS, "orm_flush_no_pk", orm),
                new Planned(Workload.BULK_INSERTS, "orm_flush_pk_given", orm),
                new Planned(Workload.BULK_INSERTS, "orm_bulk_insert", orm),
                new Planned(Workload.SINGLE_INSERTS, "orm_flush_no_pk", orm),
                new Planned(Workload.SHORT_SELECTS, "orm_get", orm),
                new Planned(Workload.LOADERS, "lazy", rel),
                new Planned(Workload.LOADERS, "joined", rel),
                new Planned(Workload.LOADERS, "selectin", rel));
    }
}
