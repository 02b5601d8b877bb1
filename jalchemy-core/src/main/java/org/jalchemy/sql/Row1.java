package org.jalchemy.sql;

/**
 * The shape of a result row whose first column is an {@code A}: what {@code select(a)} of a
 * {@code ColumnElement<A>} returns, and the base of the wider {@code Row2} ... {@code Row8}.
 * Statements carry their row shape as a type argument ({@code Select<Row2<String, Long>>}), so
 * javac checks what a caller reads: {@code connection.scalars(select(users.c(NAME)))} is a
 * {@code ScalarResult<String>}, {@code row.value2()} of a {@code Row2<String, Long>} a Long.
 *
 * <p>Zero cost: the rows themselves are the untyped {@link Tuple}s the engine (an
 * {@code org.jalchemy.engine.Row}) or the ORM builds anyway; {@code valueN()} is
 * {@code get(N - 1)} with a cast javac inserts at the call site. The type argument is a promise
 * made by the statement's builder from its columns' declared {@code SqlType}s; a value read by a
 * {@code TypeDecorator} or a driver that returns another class than declared fails with
 * ClassCastException where it is used, as with jOOQ's {@code Record1}. {@code valueN()} past the
 * row's width raises IndexOutOfBoundsException.
 */
public interface Row1<A> {
    /** The value at {@code index} (0-based), untyped. */
    Object get(int index);

    /** The number of columns. */
    int size();

    /** Column 1, typed. */
    @SuppressWarnings("unchecked")
    default A value1() {
        return (A) get(0);
    }
}
