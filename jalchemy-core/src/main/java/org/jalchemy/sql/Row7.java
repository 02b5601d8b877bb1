package org.jalchemy.sql;

/** A result row whose first 7 columns are {@code (A, B, C, D, E, F, G)}; see {@link Row1}. */
public interface Row7<A, B, C, D, E, F, G> extends Row6<A, B, C, D, E, F> {
    /** Column 7, typed. */
    @SuppressWarnings("unchecked")
    default G value7() {
        return (G) get(6);
    }
}
