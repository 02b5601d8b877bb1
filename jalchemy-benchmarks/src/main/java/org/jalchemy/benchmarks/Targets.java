package org.jalchemy.benchmarks;

import java.util.List;

/**
 * The ratios jalchemy is held to (issue 20's table), each measured against a reference variant of
 * the same workload and backend in the same run: plain JDBC for most, a JDBC loop doing the same
 * transactions or queries where the ORM's work is different by nature (a transaction per lookup,
 * a query per parent), Hibernate for start-up and memory. Two kinds of floor are measured beside
 * some targets. The floor is plain JDBC doing the database work the variant cannot avoid (reading
 * rows into objects, fetching generated keys, one JOIN); when it is above the bound, no code can
 * meet the bound. The session floor adds the least any session over plain classes must keep
 * beside the objects (a copy of each object's loaded values, an identity map by key, an identity
 * set for new objects: {@code TrackedVariants}, and for memory {@code plain_tracked}); when it is
 * above the bound, only a session that changes the classes (bytecode instrumentation, which
 * DESIGN.md's plain classes rule out) could meet it, and when it is below, what separates jalchemy
 * from the bound is its own per-object machinery. The console report, {@code --compare} and the
 * rendered {@code targets} table ({@link TableRenderer}) all read this list.
 */
public final class Targets {
    private Targets() {
    }

    /**
     * One target: {@code variant}'s median over {@code reference}'s must be at most {@code bound}.
     *
     * @param workload     workload key
     * @param variant      the jalchemy variant held to the bound
     * @param reference    the variant it is divided by
     * @param bound        the highest acceptable ratio
     * @param floor        a hand-written variant doing the database work {@code variant} cannot
     *                     avoid (its ratio to {@code reference} is the floor of the target), or null
     * @param sessionFloor a hand-written variant doing that work plus the least bookkeeping any
     *                     session over plain classes must add (a copy of each object's values, an
     *                     identity map; {@code TrackedVariants}, {@code MemoryVariants}), or null
     */
    public record Target(String workload, String variant, String reference, double bound, String floor,
                         String sessionFloor) {
        public Target(String workload, String variant, String reference, double bound) {
            this(workload, variant, reference, bound, null, null);
        }

        public Target(String workload, String variant, String reference, double bound, String floor) {
            this(workload, variant, reference, bound, floor, null);
        }

        /** "large_resultsets orm_full", or "... vs jdbc_tx_per_lookup" when the reference is not the baseline. */
        public String label() {
            String base = Workload.byKey(workload).baseline();
            return workload + " " + variant + (reference.equals(base) ? "" : " vs " + reference);
        }
    }

    public static final List<Target> ALL = List.of(
            new Target("large_resultsets", "core", "jdbc", 1.05, "jdbc_rows"),
            new Target("large_resultsets", "orm_full", "jdbc", 1.3, "jdbc_objects", "jdbc_tracked"),
            new Target("short_selects", "core", "jdbc", 1.2, "jdbc_one"),
            new Target("short_selects", "orm_get", "jdbc_tx_per_lookup", 1.5),
            new Target("bulk_inserts", "orm_flush_no_pk", "jdbc", 1.3, "jdbc_returning", "jdbc_returning_tracked"),
            new Target("bulk_inserts", "orm_flush_pk_given", "jdbc", 1.3),
            new Target("loaders", "selectin", "handwritten", 1.3),
            new Target("loaders", "joined", "handwritten", 1.5, "handwritten_joined", "handwritten_joined_tracked"),
            new Target("loaders", "lazy", "handwritten_per_parent", 1.2),
            new Target("boot", "orm", "hibernate", 0.25),
            new Target("memory", "orm", "hibernate_session", 0.5, null, "plain_tracked"));
}
