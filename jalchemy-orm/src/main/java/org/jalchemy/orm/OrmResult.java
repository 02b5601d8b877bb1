package org.jalchemy.orm;

import java.util.List;
import java.util.Optional;

import org.jalchemy.sql.Select;

/**
 * The result of an ORM-enabled SELECT run by {@link Session#execute(Select)}: rows whose entity
 * items are objects from the session's identity map (hydrated as rows are read) and whose other
 * items are plain values. {@link #scalars()} yields the first item of each row — the entity, for
 * {@code select(User.class)}.
 *
 * <p>Reads the cursor lazily; methods returning everything or one row consume and close it.
 * {@link #partitions(int)} reads and hydrates a list of rows at a time (loaders run per list);
 * {@link #buffered()} reads everything now into a result that needs neither cursor nor session
 * thread any more. Not thread-safe: a cursor result is read on the session's thread.
 *
 * <p>This is the untyped view ({@link Session#execute(Select)}), for statements built at run time:
 * {@link #scalars()} is a {@code ScalarResult<Object>}, {@link #scalars(Class)} checks each value,
 * and {@code <T> T scalarOne()} casts to what the caller assigns to (a wrong target fails with a
 * {@code ClassCastException} where the value is used). Typed statements give typed views through
 * {@link Session#scalars(Select)}, {@link Session#scalar(Select)} and {@link Session#rows(Select)}.
 */
public interface OrmResult extends Iterable<OrmResult.OrmRow>, AutoCloseable {

    /** One row: {@code get(User.class)} for an entity, {@code get(i)} for the i-th item. */
    interface OrmRow extends org.jalchemy.sql.Tuple {
        /** The i-th selected item (an entity or a value). */
        Object get(int i);

        /** The entity of {@code type} in this row (the first one, when selected twice). */
        <E> E get(Class<E> type);

        /** The number of selected items. */
        int size();
    }

    /**
     * One value per row, of type {@code T} (SQLAlchemy's {@code ScalarResult}): the first item of
     * each row ({@link #scalars()}), or the typed rows themselves ({@link Session#rows(Select)}).
     */
    interface ScalarResult<T> extends Iterable<T> {
        /** Every remaining value (entities de-duplicated when joined collections repeat them). */
        List<T> all();

        /** The first row's value, or empty. */
        Optional<T> first();

        /** The value of exactly one row. */
        T one();

        /** The value of one row, or null when there is none. */
        T oneOrNone();
    }

    /** Iterates the remaining rows once, hydrating as it goes; closes the cursor at the end. */
    @Override
    java.util.Iterator<OrmRow> iterator();

    /** Every remaining row. */
    List<OrmRow> all();

    /** The first row, or empty; closes the cursor. */
    Optional<OrmRow> first();

    /** Exactly one row. */
    OrmRow one();

    /** One row or null. */
    OrmRow oneOrNone();

    /** The first item of each row, untyped. */
    ScalarResult<Object> scalars();

    /** The first item of each row, each checked to be a {@code type} (ClassCastException naming both if not). */
    <T> ScalarResult<T> scalars(Class<T> type);

    /** The rows as a {@link ScalarResult} (what {@link Session#rows(Select)} views with the statement's row type). */
    ScalarResult<OrmRow> rows();

    /** First item of the first row, or null. */
    <T> T scalar();

    /** First item of exactly one row. */
    <T> T scalarOne();

    /** First item of one row, or null when there is none. */
    <T> T scalarOneOrNone();

    /**
     * This result with every remaining row read, hydrated and de-duplicated now, and its loaders
     * run: the cursor is closed, and the returned result holds its rows in memory, so it can be
     * read on any thread after the session has moved on (what asynchronous callers get; SQLAlchemy
     * buffers the results of its async session the same way). Rows already read are not repeated.
     * Memory grows with the rows: use {@link #partitions(int)} for large results.
     */
    OrmResult buffered();

    /**
     * The remaining rows in lists of up to {@code n}, read and hydrated one list at a time
     * (SQLAlchemy's {@code partitions()} with {@code yield_per}): with {@code select.yieldPer(n)}
     * too, memory holds one list, not the result (objects still enter the session's identity map;
     * {@link Session#expunge} those you are done with). Relationship loaders run per list: a
     * selectinload is one {@code IN} query per list. Joined eager loading ({@code joinedload})
     * needs the whole result and raises {@link org.jalchemy.exc.InvalidRequestError} here; use
     * {@code selectinload}.
     */
    Iterable<List<OrmRow>> partitions(int n);

    /** Closes the cursor (rows not read are discarded). */
    @Override
    void close();
}
