package org.jalchemy.sql;

/** A result row whose first 3 columns are {@code (A, B, C)}; see {@link Row1}. */
public interface Row3<A, B, C> extends Row2<A, B> {
    /** Column 3, typed. */
    @SuppressWarnings("unchecked")
    default C value3() {
        return (C) get(2);
    }
}
