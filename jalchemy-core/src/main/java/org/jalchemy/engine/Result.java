package org.jalchemy.engine;

import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;
import org.jalchemy.exc.ResourceClosedError;
import org.jalchemy.sql.Compiled;
import org.jalchemy.types.SqlType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The outcome of executing a statement (SQLAlchemy's {@code CursorResult}): rows streamed from an
 * open cursor, or just a row count for DML.
 *
 * <p>Rows are read lazily as you iterate, so a large result is not held in memory; methods that
 * return everything ({@link #all()}) or one row ({@link #one()}, {@link #first()},
 * {@link #scalar()}) consume the cursor and close it. Close a result you stop iterating early
 * (try-with-resources); its connection also closes it on commit, rollback and close.
 *
 * <p>Not thread-safe. A result can be iterated once.
 */
public class Result implements Iterable<Row>, AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final long rowcount;
    private RowMetadata metadata;
    private SqlType<?>[] readers;
    private boolean closed;
    private boolean consumed;

    Result(Connection connection, PreparedStatement statement, ResultSet rs, Compiled compiled) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.rowcount = -1;
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = md.getColumnLabel(i + 1);
        }
        Compiled.ResultColumn[] declared = compiled.resultColumns();
        readers = new SqlType<?>[n];
        if (declared.length == n) {
            for (int i = 0; i < n; i++) {
                readers[i] = declared[i].type();
                if (declared[i].name() != null) {
                    names[i] = declared[i].name();
                }
            }
        }
        this.metadata = new RowMetadata(names);
    }

    private Result(Connection connection, long rowcount) {
        this.connection = connection;
        this.statement = null;
        this.rs = null;
        this.rowcount = rowcount;
        this.metadata = new RowMetadata(new String[0]);
        this.closed = true;
    }

    static Result ofRowcount(Connection connection, long rowcount) {
        return new Result(connection, rowcount);
    }

    /** True when the statement returned rows (even zero rows). */
    public boolean returnsRows() {
        return rs != null;
    }

    /** Rows affected by INSERT/UPDATE/DELETE; -1 for queries or when the driver does not know. */
    public long rowcount() {
        return rowcount;
    }

    /** Column names of the rows. */
    public List<String> keys() {
        return metadata.keys();
    }

    public RowMetadata metadata() {
        return metadata;
    }

    /** Reads the next row, or null at the end (and then closes the cursor). */
    protected Row fetchOne() {
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
            if (!rs.next()) {
                consumed = true;
                close();
                return null;
            }
            int n = readers.length;
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                SqlType<?> t = readers[i];
                values[i] = t != null ? t.read(rs, i + 1) : JdbcValues.readObject(rs, i + 1);
            }
            return new Row(metadata, values);
        } catch (SQLException e) {
            close();
            throw connection.translate(e, null, null, null, null);
        }
    }

    @Override
    public Iterator<Row> iterator() {
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

    /** First column of one row, or null when there is none. */
    public Object scalarOneOrNone() {
        Row r = oneOrNone();
        return r == null ? null : r.get(0);
    }

    /** Values of the first column of every remaining row. */
    public List<Object> scalars() {
        List<Object> out = new ArrayList<>();
        for (Row r = fetchOne(); r != null; r = fetchOne()) {
            out.add(r.get(0));
        }
        return out;
    }

    /** Closes the cursor and its statement. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rs.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        connection.resultClosed(this);
    }
}
