package org.jalchemy.benchmarks;

/**
 * The rows every variant reads and writes, and the ids short_selects looks up. The Python script
 * ({@code sqlalchemy_bench.py}) uses the same formulas, so checksums agree across languages.
 */
public final class Data {
    /** Rows in the short_selects table (SQLAlchemy's {@code ids = range(1, 11000)}). */
    public static final int SHORT_SELECT_ROWS = 11_000;
    /** Children per parent in the loaders workload. */
    public static final int CHILDREN_PER_PARENT = 100;
    /**
     * Ids per IN (...) list when children are loaded for a list of parents: jalchemy's selectin
     * chunk, so that {@code handwritten} issues the statements {@code selectinload} does (for 1,000
     * parents, the "two-query" version: parents, then all their children). SQLAlchemy's own
     * selectin loader uses 500.
     */
    public static final int IN_CHUNK = 1000;

    private Data() {
    }

    public static String name(long i) {
        return "customer name " + i;
    }

    public static String description(long i) {
        return "customer description " + i;
    }

    /**
     * The {@code k}-th id (0-based) looked up by short_selects: a fixed permutation of 1..11000
     * (7919 is prime and does not divide 11000), so no id repeats within 11,000 lookups and an
     * identity map never answers instead of the database.
     */
    public static int shortSelectId(int k) {
        return (int) ((k * 7919L) % SHORT_SELECT_ROWS) + 1;
    }

    /** Distinct ids cached_get looks up (its warm cache holds them all). */
    public static final int CACHED_GET_HOT = 100;

    /** The {@code k}-th id looked up by cached_get: short_selects' ids, cycling over the first {@link #CACHED_GET_HOT}. */
    public static int cachedGetId(int k) {
        return shortSelectId(k % CACHED_GET_HOT);
    }

    public static String parentName(long i) {
        return "parent " + i;
    }

    public static String childName(long j) {
        return "child " + j;
    }

    /** Parent of child {@code j} (1-based): children 1..100 belong to parent 1, and so on. */
    public static int parentOf(long j) {
        return (int) ((j - 1) / CHILDREN_PER_PARENT) + 1;
    }
}
