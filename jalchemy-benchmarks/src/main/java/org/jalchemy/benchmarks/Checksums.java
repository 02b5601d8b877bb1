package org.jalchemy.benchmarks;

/** How a variant folds what it read into its checksum; every variant uses these so results compare. */
public final class Checksums {
    private Checksums() {
    }

    /** A large_resultsets row: id plus the lengths of name and description. */
    public static long row(long id, String name, String description) {
        return id + name.length() + description.length();
    }

    /** A short_selects row: id, the length of its name and its {@code q}. */
    public static long customer(long id, String name, long q) {
        return id + name.length() + q;
    }

    /** A loaders parent or child: its id plus the length of its name. */
    public static long named(long id, String name) {
        return id + name.length();
    }
}
