package org.jalchemy.sql;

/** A result row whose first 5 columns are {@code (A, B, C, D, E)}; see {@link Row1}. */
public interface Row5<A, B, C, D, E> extends Row4<A, B, C, D> {
    /** Column 5, typed. */
    @SuppressWarnings("unchecked")
    default E value5() {
        return (E) get(4);
    }
}
