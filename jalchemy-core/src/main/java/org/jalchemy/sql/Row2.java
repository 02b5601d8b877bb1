package org.jalchemy.sql;

/** A result row whose first 2 columns are {@code (A, B)}; see {@link Row1}. */
public interface Row2<A, B> extends Row1<A> {
    /** Column 2, typed. */
    @SuppressWarnings("unchecked")
    default B value2() {
        return (B) get(1);
    }
}
