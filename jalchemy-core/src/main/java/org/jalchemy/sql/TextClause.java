package org.jalchemy.sql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Literal SQL with named bind parameters, written {@code :name}: SQLAlchemy's {@code text()}.
 * This is the only way raw SQL reaches the database; values are always bound, never spliced.
 *
 * <p>Parsing rules: {@code :name} ({@code [A-Za-z_][A-Za-z0-9_]*}) is a parameter unless it sits
 * inside a quoted string or identifier, or follows another colon (PostgreSQL {@code ::} casts);
 * {@code \:} is a literal colon. Immutable: {@link #bind} returns a new clause.
 */
public final class TextClause implements Executable {
    private final String text;
    private final String sql;
    private final String[] paramNames;
    private final Map<String, Object> bound;
    private final Map<String, SqlType<?>> types;
    private final List<ColumnClause<?>> columns;
    private final int fetchSize;

    private TextClause(String text, String sql, String[] paramNames, Map<String, Object> bound,
                       Map<String, SqlType<?>> types) {
        this(text, sql, paramNames, bound, types, List.of(), 0);
    }

    private TextClause(String text, String sql, String[] paramNames, Map<String, Object> bound,
                       Map<String, SqlType<?>> types, List<ColumnClause<?>> columns, int fetchSize) {
        this.text = text;
        this.sql = sql;
        this.paramNames = paramNames;
        this.bound = bound;
        this.types = types;
        this.columns = columns;
        this.fetchSize = fetchSize;
    }

    /**
     * Streams the result {@code n} rows per round trip (SQLAlchemy's {@code yield_per}), as
     * {@link Select#yieldPer(int)}: set before execution, so PostgreSQL uses a cursor instead of
     * reading every row at once. Not part of the cache key.
     */
    public TextClause yieldPer(int n) {
        if (n < 0) {
            throw new ArgumentError("yieldPer() needs a positive number of rows, got " + n);
        }
        return new TextClause(text, sql, paramNames, bound, types, columns, n);
    }

    @Override
    public int fetchSize() {
        return fetchSize;
    }

    /**
     * Declares the result columns, in order (SQLAlchemy's {@code TextClause.columns}): rows are then
     * read with these types and {@code row.get(column)} works. The SQL must return exactly these columns.
     */
    public TextClause columns(ColumnClause<?>... resultColumns) {
        return new TextClause(text, sql, paramNames, bound, types, List.of(resultColumns), fetchSize);
    }

    /** Parses {@code text}; see the class comment for the parameter syntax. */
    public static TextClause of(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int n = text.length();
        char quote = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                out.append(c);
            } else if (c == '\\' && i + 1 < n && text.charAt(i + 1) == ':') {
                out.append(':');
                i++;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                out.append("::");
                i++;
            } else if (c == ':' && i + 1 < n && isStart(text.charAt(i + 1)) && (i == 0 || text.charAt(i - 1) != ':')) {
                int j = i + 1;
                while (j < n && isPart(text.charAt(j))) {
                    j++;
                }
                names.add(text.substring(i + 1, j));
                out.append('?');
                i = j - 1;
            } else {
                out.append(c);
            }
        }
        return new TextClause(text, out.toString(), names.toArray(String[]::new), Map.of(), Map.of());
    }

    private static boolean isStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A copy with {@code name} bound to {@code value} (execution parameters still override it). */
    public TextClause bind(String name, Object value) {
        if (!Arrays.asList(paramNames).contains(name)) {
            throw new ArgumentError("text() has no bind parameter ':" + name + "'; its parameters are "
                    + Arrays.toString(paramNames) + " in: " + text);
        }
        Map<String, Object> b = new LinkedHashMap<>(bound);
        b.put(name, value);
        return new TextClause(text, sql, paramNames, b, types, columns, fetchSize);
    }

    /** A copy that binds {@code name} with {@code type} instead of letting the driver infer it. */
    public TextClause bindType(String name, SqlType<?> type) {
        Map<String, SqlType<?>> t = new LinkedHashMap<>(types);
        t.put(name, type);
        return new TextClause(text, sql, paramNames, bound, t, columns, fetchSize);
    }

    /** The SQL as written. */
    public String text() {
        return text;
    }

    /** Parameter names in order of appearance (a name may repeat). */
    public List<String> parameterNames() {
        return List.of(paramNames);
    }

    @Override
    public Compiled compile(Dialect dialect) {
        Compiled.BindSlot[] slots = new Compiled.BindSlot[paramNames.length];
        List<String> boundNames = new ArrayList<>(bound.keySet());
        for (int i = 0; i < paramNames.length; i++) {
            int idx = boundNames.indexOf(paramNames[i]);
            slots[i] = new Compiled.BindSlot(paramNames[i], idx, types.get(paramNames[i]));
        }
        Compiled.ResultColumn[] rc = new Compiled.ResultColumn[columns.size()];
        for (int i = 0; i < rc.length; i++) {
            SqlType<?> t = columns.get(i).type();
            rc[i] = new Compiled.ResultColumn(columns.get(i).name(),
                    t instanceof org.jalchemy.types.NullType ? null : dialect.typeImpl(t));
        }
        return new Compiled(sql, slots, rc, dialect, !columns.isEmpty() || looksLikeQuery(sql), columns.toArray(),
                Compiled.KeyFetch.NONE);
    }

    private static boolean looksLikeQuery(String sql) {
        String s = sql.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("select") || s.startsWith("with") || s.startsWith("values") || s.startsWith("pragma")
                || s.startsWith("show") || s.startsWith("explain") || s.startsWith("describe")
                || s.contains(" returning ");
    }

    @Override
    public Object cacheKey() {
        List<Object> cols = new ArrayList<>();
        for (ColumnClause<?> c : columns) {
            cols.add(c.name());
            cols.add(c.type());
        }
        return List.of(TextClause.class, text, bound.keySet(), types, cols);
    }

    @Override
    public Object[] boundValues() {
        return bound.values().toArray();
    }

    @Override
    public String toString() {
        return text;
    }
}
