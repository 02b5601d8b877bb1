package org.jalchemy.sql;

/** A result row whose first 4 columns are {@code (A, B, C, D)}; see {@link Row1}. */
public interface Row4<A, B, C, D> extends Row3<A, B, C> {
    /** Column 4, typed. */
    @SuppressWarnings("unchecked")
    default D value4() {
        return (D) get(3);
    }
}
