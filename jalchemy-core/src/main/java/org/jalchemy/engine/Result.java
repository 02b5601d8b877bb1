package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;
import org.jalchemy.exc.ResourceClosedError;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Compiled;
import org.jalchemy.types.SqlType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The outcome of executing a statement (SQLAlchemy's {@code CursorResult}): rows streamed from an
 * open cursor, or just a row count (and, for a single-row INSERT, the inserted primary key).
 *
 * <p>Rows are decoded lazily as you iterate; without a fetch size, pgjdbc and
 * mariadb-java-client hold the undecoded rest of the result in memory meanwhile, and
 * {@link #yieldPer(int)} / {@code select.yieldPer(n)} makes them stream {@code n} rows per round
 * trip ({@link #partitions(int)} hands rows out in lists). Where the dialect streams results that
 * jalchemy drains itself ({@link org.jalchemy.dialect.Dialect#drainFetchSize()}), the first read
 * that hands rows to the application at its own pace has the driver hold the rest
 * ({@link #bufferRemaining()}). Methods that return everything ({@link #all()}) or one row
 * ({@link #one()}, {@link #first()}, {@link #scalar()}) consume the cursor and close it. Close a
 * result you stop iterating early (try-with-resources); its connection also closes it on commit,
 * rollback and close.
 *
 * <p>Read path: per row, one value array, one {@link SqlType#read} call per column (the types were
 * chosen at compile time), one {@link Row}. Views ({@link #scalars()}, {@link #mappings()},
 * {@link #into(Class)}) read from the same cursor.
 *
 * <p>Not thread-safe. A result can be iterated once.
 */
public class Result implements Iterable<Row>, AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final long rowcount;
    private final Row insertedPrimaryKey;
    private final Iterator<Row> buffered;
    private RowMetadata metadata;
    private SqlType<?>[] readers;
    private int[] projection;
    private boolean closed;
    private boolean consumed;

    Result(Connection connection, PreparedStatement statement, ResultSet rs, Compiled compiled) throws SQLException {
        this(connection, statement, rs, compiled, null);
    }

    /**
     * True while the driver streams this result with the dialect's
     * {@link org.jalchemy.dialect.Dialect#drainFetchSize()} (set by the connection that ran it):
     * draining reads ({@code all}, {@code one}, {@link #fetchArray}) keep it so, and the first
     * read that hands rows to the application at its own pace calls {@link #bufferRemaining()}.
     */
    boolean streamedToDrain;

    /**
     * As the four-argument constructor; {@code shape}, when not null, is {@link Shape#declared} of
     * {@code compiled} and is used as is when the driver reports as many columns as it declares
     * (no per-result arrays or metadata object).
     */
    Result(Connection connection, PreparedStatement statement, ResultSet rs, Compiled compiled, Shape shape)
            throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.rowcount = -1;
        this.insertedPrimaryKey = null;
        this.buffered = null;
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        if (shape != null && shape.readers.length == n) {
            this.readers = shape.readers;
            this.metadata = shape.metadata;
            return;
        }
        Compiled.ResultColumn[] declared = compiled.resultColumns();
        String[] names = new String[n];
        readers = new SqlType<?>[n];
        Object[] keys = new Object[0];
        boolean allDeclared = declared.length == n;
        if (allDeclared) {
            for (int i = 0; i < n; i++) {
                readers[i] = declared[i].type();
                names[i] = declared[i].name();
                allDeclared &= names[i] != null;
            }
            keys = compiled.resultKeys();
        }
        if (!allDeclared) { // only what the statement did not declare costs driver metadata calls
            for (int i = 0; i < n; i++) {
                if (names[i] == null) {
                    names[i] = md.getColumnLabel(i + 1);
                }
            }
        }
        this.metadata = new RowMetadata(names, keys);
    }

    /**
     * The metadata and column readers of the results of one compiled statement whose result
     * columns are all declared with a name: what the constructor would build from the declaration
     * when the driver reports that many columns, made once and shared by every such result.
     * Invariant: neither is ever modified (a result's {@link #columns} replaces its metadata with a
     * new one; {@code readers} is only read), and {@link RowMetadata} builds its name index safely
     * when rows of results on several threads share it.
     */
    static final class Shape {
        final RowMetadata metadata;
        final SqlType<?>[] readers;

        private Shape(RowMetadata metadata, SqlType<?>[] readers) {
            this.metadata = metadata;
            this.readers = readers;
        }

        /** The shape of {@code compiled}'s results, or null when a result column has no declared name. */
        static Shape declared(Compiled compiled) {
            Compiled.ResultColumn[] declared = compiled.resultColumns();
            String[] names = new String[declared.length];
            SqlType<?>[] readers = new SqlType<?>[declared.length];
            for (int i = 0; i < declared.length; i++) {
                names[i] = declared[i].name();
                readers[i] = declared[i].type();
                if (names[i] == null) {
                    return null;
                }
            }
            return new Shape(new RowMetadata(names, compiled.resultKeys()), readers);
        }
    }

    private Result(Connection connection, long rowcount, Row insertedPrimaryKey) {
        this.connection = connection;
        this.statement = null;
        this.rs = null;
        this.rowcount = rowcount;
        this.insertedPrimaryKey = insertedPrimaryKey;
        this.buffered = null;
        this.metadata = new RowMetadata(new String[0]);
        this.closed = true;
    }

    private Result(Connection connection, RowMetadata metadata, List<Row> rows) {
        this.connection = connection;
        this.statement = null;
        this.rs = null;
        this.rowcount = rows.size();
        this.insertedPrimaryKey = null;
        this.buffered = rows.iterator();
        this.metadata = metadata;
    }

    /**
     * A result carrying only a row count (of a statement without rows), e.g. the sum of one
     * UPDATE run on several databases by a sharded session; {@code connection} may be null.
     */
    public static Result ofRowcount(Connection connection, long rowcount) {
        return new Result(connection, rowcount, null);
    }

    static Result ofInsert(Connection connection, long rowcount, Row insertedPrimaryKey) {
        return new Result(connection, rowcount, insertedPrimaryKey);
    }

    /**
     * A result over rows that did not come from a cursor (a query-result cache's hit): one
     * {@link Row} per value array, all sharing {@code metadata}. The arrays are used as they are.
     */
    public static Result fromRows(Connection connection, RowMetadata metadata, List<Object[]> rows) {
        List<Row> out = new java.util.ArrayList<>(rows.size());
        for (Object[] v : rows) {
            out.add(new Row(metadata, v));
        }
        return new Result(connection, metadata, out);
    }

    /** A result over rows already fetched (e.g. the pages of an executemany with RETURNING). */
    static Result ofRows(Connection connection, RowMetadata metadata, List<Row> rows) {
        return new Result(connection, metadata, rows);
    }

    /**
     * This result with every remaining row read into memory now: the cursor is closed and its
     * statement released, so the returned result no longer needs the connection and may be read
     * on any thread, after the connection has moved on (what asynchronous callers get; SQLAlchemy
     * buffers its async results the same way). Rows already read are not repeated; a result
     * without rows (a row count, an inserted key) is returned as it is. Memory grows with the
     * rows: stream large results instead.
     */
    public Result buffered() {
        if (rs == null || buffered != null) {
            return this;
        }
        RowMetadata md = metadata;
        List<Row> rows = all();
        return new Result(connection, md, rows);
    }

    /** True when the statement returned rows (even zero rows). */
    public boolean returnsRows() {
        return rs != null || buffered != null;
    }

    /** Rows affected by INSERT/UPDATE/DELETE; -1 for queries or when the driver does not know. */
    public long rowcount() {
        return rowcount;
    }

    /**
     * The primary key of the row a single-row INSERT created, as a Row keyed by the key columns;
     * null when unknown (the table's primary key is not declared, or the statement was not such an
     * INSERT).
     */
    public Row insertedPrimaryKey() {
        return insertedPrimaryKey;
    }

    /** Column names of the rows. */
    public List<String> keys() {
        return metadata.keys();
    }

    public RowMetadata metadata() {
        return metadata;
    }

    /**
     * Has the driver read the rest of this result into memory now when jalchemy had it streamed
     * only to drain it faster (see {@link org.jalchemy.dialect.Dialect#drainFetchSize()}), so the
     * application may take as long as it likes between rows without the server dropping the
     * connection; a no-op otherwise (a result of {@code yieldPer}, which streams on purpose, or
     * one the driver read whole already). Iterators, {@code fetchMany} and {@code partitions} call
     * it themselves; code that reads with {@link #fetchArray} at the application's pace calls it
     * first (the ORM's result does).
     */
    public void bufferRemaining() {
        if (!streamedToDrain) {
            return;
        }
        streamedToDrain = false;
        if (rs != null && !closed) {
            try {
                rs.setFetchSize(0);
            } catch (SQLException e) {
                close();
                throw connection.translate(e, null, null, null, null);
            }
        }
    }

    /** Fetch {@code n} rows per round trip from here on (SQLAlchemy's {@code yield_per}); returns this. */
    public Result yieldPer(int n) {
        streamedToDrain = false; // streamed on purpose from here on
        if (rs != null && !closed) {
            try {
                rs.setFetchSize(n);
            } catch (SQLException e) {
                throw connection.translate(e, null, null, null, null);
            }
        }
        return this;
    }

    /**
     * Restricts rows to the given columns, by index, name or column expression; returns this
     * result (SQLAlchemy's {@code Result.columns}).
     */
    public Result columns(Object... columns) {
        int[] idx = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object c = columns[i];
            int base = c instanceof Integer n ? n
                    : c instanceof String s ? metadata.indexOf(s)
                    : c instanceof ColumnElement<?> e ? metadata.indexOf(e)
                    : -1;
            if (base < 0 || base >= metadata.size()) {
                throw new ArgumentError("columns(): no column " + c + " in " + metadata.keys());
            }
            idx[i] = projection == null ? base : projection[base];
        }
        RowMetadata projected = metadata.project(indexesOfCurrent(columns, idx));
        projection = idx;
        metadata = projected;
        return this;
    }

    private int[] indexesOfCurrent(Object[] columns, int[] absolute) {
        int[] rel = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Object c = columns[i];
            rel[i] = c instanceof Integer n ? n : c instanceof String s ? metadata.indexOf(s)
                    : metadata.indexOf((ColumnElement<?>) c);
        }
        return rel;
    }

    /** Reads the next row's values (projected), or null at the end (and then closes the cursor). */
    private Object[] fetchValues() {
        if (buffered != null) {
            if (closed || !buffered.hasNext()) {
                closed = true;
                consumed = true;
                return null;
            }
            return buffered.next().toArray();
        }
        if (closed) {
            if (rs == null) {
                throw new ResourceClosedError("This result has no rows: the statement does not return rows "
                        + "(rowcount=" + rowcount + ")");
            }
            if (consumed) {
                return null;
            }
            throw new ResourceClosedError("This result is closed");
        }
        try {
            connection.checkNotCancelled(); // a cancelled stream stops even where the driver's fetch is not cancellable
            if (!rs.next()) {
                consumed = true;
                close();
                return null;
            }
            int[] p = projection;
            SqlType<?>[] r = readers;
            if (p == null) {
                int n = r.length;
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    SqlType<?> t = r[i];
                    values[i] = t != null ? t.read(rs, i + 1) : JdbcValues.readObject(rs, i + 1);
                }
                return values;
            }
            Object[] values = new Object[p.length];
            for (int i = 0; i < p.length; i++) {
                SqlType<?> t = r[p[i]];
                values[i] = t != null ? t.read(rs, p[i] + 1) : JdbcValues.readObject(rs, p[i] + 1);
            }
            return values;
        } catch (SQLException e) {
            close();
            throw connection.translate(e, null, null, null, null);
        }
    }

    /**
     * The next row's values, in column order, as a new array the caller owns; null at the end
     * (the cursor is then closed). The rows {@link #iterator()} gives, without a {@link Row}
     * around them or a copy, for code that maps rows itself (the ORM's loaders). Reads on demand:
     * do not interleave it with an iterator over the same result, which reads one row ahead.
     */
    public Object[] fetchArray() {
        return fetchValues();
    }

    /**
     * As {@link #fetchArray()}, reading the next row into {@code row} (as long as the row; it holds
     * the previous call's values) instead of a new array, for rows that repeat columns fixed by a
     * key: when column {@code keyAt} of the next row equals non-null {@code row[keyAt]}, columns
     * {@code from} … {@code to - 1} keep their values without being read or decoded again
     * ({@code keyAt} in {@code [from, to)}). False at the end (the cursor is then closed and
     * {@code row} unchanged). The ORM's joined eager loading reads every row through one array
     * this way: the parent's columns repeat on each row of its children.
     *
     * <p>Hazards: every call overwrites {@code row}, so the caller copies out what it keeps, never
     * the array itself. Only for columns that depend on the key alone within one statement (a
     * table's columns and its primary key): a column whose value may differ between two rows of the
     * same key, such as {@code random()}, would keep the first row's value.
     */
    public boolean fetchInto(Object[] row, int keyAt, int from, int to) {
        if (buffered != null || projection != null || closed) {
            Object[] v = fetchValues();
            if (v == null) {
                return false;
            }
            System.arraycopy(v, 0, row, 0, v.length);
            return true;
        }
        try {
            connection.checkNotCancelled();
            if (!rs.next()) {
                consumed = true;
                close();
                return false;
            }
            SqlType<?>[] r = readers;
            int n = r.length;
            Object previous = row[keyAt];
            SqlType<?> kt = r[keyAt];
            Object key = kt != null ? kt.readIfChanged(rs, keyAt + 1, previous) : JdbcValues.readObject(rs, keyAt + 1);
            boolean same = key != null && (key == previous || kt == null && key.equals(previous));
            row[keyAt] = key;
            for (int i = 0; i < n; i++) {
                if (i != keyAt && !(same && i >= from && i < to)) {
                    row[i] = read(r, i);
                }
            }
            return true;
        } catch (SQLException e) {
            close();
            throw connection.translate(e, null, null, null, null);
        }
    }

    private Object read(SqlType<?>[] r, int i) throws SQLException {
        SqlType<?> t = r[i];
        return t != null ? t.read(rs, i + 1) : JdbcValues.readObject(rs, i + 1);
    }

    /** Reads the next row, or null at the end (and then closes the cursor). */
    protected Row fetchOne() {
        Object[] v = fetchValues();
        return v == null ? null : new Row(metadata, v);
    }

    @Override
    public Iterator<Row> iterator() {
        bufferRemaining();
        return new Iterator<>() {
            Row next = fetchOne();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = fetchOne();
                return r;
            }
        };
    }

    /** The rows as a sequential stream; close the stream (or the result) if you stop early. */
    public Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** All remaining rows; closes the cursor. */
    public List<Row> all() {
        List<Row> out = new ArrayList<>();
        for (Row r = fetchOne(); r != null; r = fetchOne()) {
            out.add(r);
        }
        return out;
    }

    /** The next {@code n} rows (fewer at the end, empty when exhausted). */
    public List<Row> fetchMany(int n) {
        bufferRemaining();
        List<Row> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            Row r = fetchOne();
            if (r == null) {
                break;
            }
            out.add(r);
        }
        return out;
    }

    /** The remaining rows in lists of up to {@code n}, fetched lazily (SQLAlchemy's {@code partitions}). */
    public Iterable<List<Row>> partitions(int n) {
        if (n <= 0) {
            throw new ArgumentError("partitions() size must be positive, got " + n);
        }
        bufferRemaining();
        return () -> new Iterator<>() {
            List<Row> next = fetchMany(n);

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<Row> next() {
                if (next.isEmpty()) {
                    throw new NoSuchElementException();
                }
                List<Row> r = next;
                next = r.size() < n ? List.of() : fetchMany(n);
                return r;
            }
        };
    }

    /** The first row or empty; discards the rest and closes the cursor. */
    public Optional<Row> first() {
        Row r = fetchOne();
        close();
        return Optional.ofNullable(r);
    }

    /** Exactly one row, else {@link NoResultFound} / {@link MultipleResultsFound}. */
    public Row one() {
        Row r = oneOrNone();
        if (r == null) {
            throw new NoResultFound("No row was found when one was required");
        }
        return r;
    }

    /** One row or null; {@link MultipleResultsFound} if there are more. */
    public Row oneOrNone() {
        Row r = fetchOne();
        if (r != null && fetchOne() != null) {
            close();
            throw new MultipleResultsFound("Multiple rows were found when one or none was required");
        }
        close();
        return r;
    }

    /** First column of the first row, or null when there is no row; closes the cursor. */
    public Object scalar() {
        return first().map(r -> r.get(0)).orElse(null);
    }

    /** First column of exactly one row. */
    public Object scalarOne() {
        return one().get(0);
    }

    /** First column of exactly one row, checked to be a {@code type}. */
    public <T> T scalarOne(Class<T> type) {
        return type.cast(scalarOne());
    }

    /** First column of one row, or null when there is none. */
    public Object scalarOneOrNone() {
        Row r = oneOrNone();
        return r == null ? null : r.get(0);
    }

    /** The first column of each row (SQLAlchemy's {@code scalars()}). */
    public ScalarResult<Object> scalars() {
        return new ScalarResult<>(this, v -> v[0]);
    }

    /** Column {@code index} of each row. */
    public ScalarResult<Object> scalars(int index) {
        return new ScalarResult<>(this, v -> v[index]);
    }

    /** The column produced by {@code column}, typed: {@code scalars(users.c(ID))} is a ScalarResult of Integer. */
    @SuppressWarnings("unchecked")
    public <T> ScalarResult<T> scalars(ColumnElement<T> column) {
        int index = metadata.indexOf(column);
        return new ScalarResult<>(this, v -> (T) v[index]);
    }

    /** The first column of each row, checked to be a {@code type}. */
    public <T> ScalarResult<T> scalars(Class<T> type) {
        return new ScalarResult<>(this, v -> type.cast(v[0]));
    }

    /** Each row as a {@link ScalarResult} (what {@link Connection#rows} views with the statement's row type). */
    public ScalarResult<Row> rows() {
        RowMetadata md = metadata;
        return new ScalarResult<>(this, v -> new Row(md, v));
    }

    /** Each row as a {@code column name -> value} map (SQLAlchemy's {@code mappings()}). */
    public ScalarResult<Map<String, Object>> mappings() {
        RowMetadata md = metadata;
        return new ScalarResult<>(this, v -> new Row(md, v).asMap());
    }

    /**
     * Each row as a {@code recordClass} instance. Record components are matched to columns by name
     * (case and underscores ignored: {@code user_name} fills {@code userName}), else by position when
     * the counts agree. The constructor handle is built once per call, not per row.
     */
    public <R extends Record> ScalarResult<R> into(Class<R> recordClass) {
        RecordMapper<R> mapper = RecordMapper.of(recordClass, metadata);
        return new ScalarResult<>(this, mapper::map);
    }

    Object[] nextValues() {
        return fetchValues();
    }

    /** Closes the cursor and its statement. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (rs == null) {
            return;
        }
        try {
            rs.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        connection.resultClosed(this, statement);
        connection.releaseQueryStatement(statement);
    }

    /** A typed view over this result's rows (scalars, mappings, records). Reads from the same cursor. */
    public static final class ScalarResult<T> implements Iterable<T>, AutoCloseable {
        private final Result result;
        private final Function<Object[], T> map;

        ScalarResult(Result result, Function<Object[], T> map) {
            this.result = result;
            this.map = map;
        }

        private T next() {
            Object[] v = result.nextValues();
            return v == null ? null : map.apply(v);
        }

        private boolean nextInto(List<T> out) {
            Object[] v = result.nextValues();
            if (v == null) {
                return false;
            }
            out.add(map.apply(v));
            return true;
        }

        /** All remaining values; closes the cursor. */
        public List<T> all() {
            List<T> out = new ArrayList<>();
            while (nextInto(out)) {
                // reading
            }
            return out;
        }

        /** The first value (empty also when it is SQL NULL); closes the cursor. */
        public Optional<T> first() {
            List<T> one = new ArrayList<>(1);
            nextInto(one);
            result.close();
            return one.isEmpty() ? Optional.empty() : Optional.ofNullable(one.get(0));
        }

        /** Exactly one value, else {@link NoResultFound} / {@link MultipleResultsFound}. */
        public T one() {
            List<T> got = new ArrayList<>(2);
            if (!nextInto(got)) {
                result.close();
                throw new NoResultFound("No row was found when one was required");
            }
            if (nextInto(got)) {
                result.close();
                throw new MultipleResultsFound("Multiple rows were found when one was required");
            }
            result.close();
            return got.get(0);
        }

        /** One value or null; {@link MultipleResultsFound} when there are more rows. */
        public T oneOrNone() {
            List<T> got = new ArrayList<>(2);
            if (!nextInto(got)) {
                result.close();
                return null;
            }
            if (nextInto(got)) {
                result.close();
                throw new MultipleResultsFound("Multiple rows were found when one or none was required");
            }
            result.close();
            return got.get(0);
        }

        /** Up to {@code n} values in lists, lazily. */
        public Iterable<List<T>> partitions(int n) {
            result.bufferRemaining();
            return () -> new Iterator<>() {
                List<T> next = fetch();

                private List<T> fetch() {
                    List<T> out = new ArrayList<>(Math.min(n, 1024));
                    while (out.size() < n && nextInto(out)) {
                        // reading
                    }
                    return out;
                }

                @Override
                public boolean hasNext() {
                    return !next.isEmpty();
                }

                @Override
                public List<T> next() {
                    if (next.isEmpty()) {
                        throw new NoSuchElementException();
                    }
                    List<T> r = next;
                    next = r.size() < n ? List.of() : fetch();
                    return r;
                }
            };
        }

        @Override
        public Iterator<T> iterator() {
            result.bufferRemaining();
            return new Iterator<>() {
                final List<T> buf = new ArrayList<>(1);
                boolean done;

                private void fill() {
                    if (buf.isEmpty() && !done) {
                        done = !nextInto(buf);
                    }
                }

                @Override
                public boolean hasNext() {
                    fill();
                    return !buf.isEmpty();
                }

                @Override
                public T next() {
                    fill();
                    if (buf.isEmpty()) {
                        throw new NoSuchElementException();
                    }
                    return buf.remove(0);
                }
            };
        }

        public Stream<T> stream() {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                    .onClose(result::close);
        }

        @Override
        public void close() {
            result.close();
        }
    }
}
