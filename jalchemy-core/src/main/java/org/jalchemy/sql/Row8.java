package org.jalchemy.sql;

/** A result row whose first 8 columns are {@code (A, B, C, D, E, F, G, H)}; see {@link Row1}. */
public interface Row8<A, B, C, D, E, F, G, H> extends Row7<A, B, C, D, E, F, G> {
    /** Column 8, typed. */
    @SuppressWarnings("unchecked")
    default H value8() {
        return (H) get(7);
    }
}
