package org.jalchemy.sql;

/** A result row whose first 6 columns are {@code (A, B, C, D, E, F)}; see {@link Row1}. */
public interface Row6<A, B, C, D, E, F> extends Row5<A, B, C, D, E> {
    /** Column 6, typed. */
    @SuppressWarnings("unchecked")
    default F value6() {
        return (F) get(5);
    }
}
