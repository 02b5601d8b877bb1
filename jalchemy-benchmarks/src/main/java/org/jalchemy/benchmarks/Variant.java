package org.jalchemy.benchmarks;

/**
 * One way of doing one workload: plain JDBC, jalchemy Core, Hibernate, jOOQ... The harness
 * prepares the tables, times {@link Body#run} alone, and checks its checksum.
 *
 * <p>To add a variant, write its body as a static method and list it in a family class
 * ({@code JdbcVariants}, {@code CoreVariants}, ...) that {@link Catalog} knows; a planned variant
 * that has become possible moves from {@link Catalog#planned()} to such a class.
 *
 * @param workload which workload this variant performs
 * @param name     the variant column of the report ({@code jdbc}, {@code core}, {@code orm_full}...)
 * @param backend  the one backend this variant runs under (scale_out's cluster variants), or null for every
 *                 backend its workload runs on
 * @param body     the timed work
 */
public record Variant(Workload workload, String name, String backend, Body body) {

    /** The timed work of a variant. */
    @FunctionalInterface
    public interface Body {
        /**
         * Performs the workload once at size {@code n} on {@code backend} and returns the checksum
         * of what it read (see {@link Checksums}); write workloads return anything, the harness
         * reads the table back instead. Must leave no transaction open.
         */
        long run(BenchBackend backend, int n) throws Exception;
    }

    /** Thrown by a body that cannot run on a backend (reported as "not run: ...", not as a failure). */
    public static final class NotApplicable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotApplicable(String why) {
            super(why);
        }
    }

    public static Variant of(Workload workload, String name, Body body) {
        return new Variant(workload, name, null, body);
    }

    /** A variant that runs under {@code backend} only (e.g. the Galera variants of scale_out under {@code mariadb}). */
    public static Variant on(Workload workload, String name, String backend, Body body) {
        return new Variant(workload, name, backend, body);
    }

    /** True when this variant runs under {@code backendName}. */
    public boolean runsOn(String backendName) {
        return backend == null || backend.equals(backendName);
    }
}
