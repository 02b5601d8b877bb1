package org.jalchemy.benchmarks;

import org.jalchemy.benchmarks.core.CoreVariants;
import org.jalchemy.benchmarks.hibernate.HibernateVariants;
import org.jalchemy.benchmarks.jdbc.JdbcVariants;
import org.jalchemy.benchmarks.jooq.JooqVariants;
import org.jalchemy.benchmarks.orm.OrmVariants;

import java.util.ArrayList;
import java.util.List;

/**
 * Every variant the suite knows, in report order, and the jalchemy variants still waiting for a
 * feature ({@link #planned()}, empty now). Adding a family is one line in {@link #variants()}.
 */
public final class Catalog {
    private Catalog() {
    }

    /** The runnable variants, baselines first. */
    public static List<Variant> variants() {
        List<Variant> all = new ArrayList<>();
        all.addAll(JdbcVariants.all());
        all.addAll(org.jalchemy.benchmarks.jdbc.TrackedVariants.all());
        all.addAll(CoreVariants.all());
        all.addAll(OrmVariants.all());
        all.addAll(org.jalchemy.benchmarks.orm.LoaderVariants.all());
        all.addAll(HibernateVariants.all());
        all.addAll(JooqVariants.all());
        all.addAll(org.jalchemy.benchmarks.migrate.MigrateVariants.all());
        all.addAll(org.jalchemy.benchmarks.concurrent.AsyncVariants.all());
        all.addAll(org.jalchemy.benchmarks.cache.CacheVariants.all());
        all.addAll(org.jalchemy.benchmarks.scaleout.ScaleOutVariants.all());
        all.addAll(org.jalchemy.benchmarks.scaleout.ReplicaReadVariants.all());
        all.addAll(org.jalchemy.benchmarks.boot.BootVariants.all());
        all.addAll(org.jalchemy.benchmarks.memory.MemoryVariants.all());
        all.addAll(org.jalchemy.benchmarks.streaming.StreamingVariants.all());
        all.addAll(org.jalchemy.benchmarks.compile.CompileCacheVariants.all());
        return all;
    }

    /** Variants named by the issue that jalchemy cannot run yet. */
    public static List<Planned> planned() {
        return List.of();
    }
}
