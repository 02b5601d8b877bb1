package org.jalchemy.sql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.SqlLexicon;
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
 * inside a string, a quoted identifier or a comment, or follows another colon (PostgreSQL
 * {@code ::} casts); {@code \:} is a literal colon. Strings, identifiers and comments are lexed
 * the way the engine's database lexes them ({@link org.jalchemy.dialect.SqlLexicon}): PostgreSQL
 * dollar quotes ({@code $$...$$}), {@code E'...'} escapes and nested block comments; MySQL's
 * backslash escapes, {@code "..."} strings, {@code #} comments and {@code --} that needs a space;
 * SQLite's {@code [...]} identifiers. So an apostrophe inside a comment does not swallow the
 * parameters after it. {@link #parameterNames()} and {@link #bind} read the text as standard SQL;
 * compiling for a database whose lexing hides a bound name raises.
 *
 * <p>Never a silent NULL: a {@code ?} written in the SQL itself becomes {@code ??} on PostgreSQL
 * (pgjdbc's escape for the JSON operators) and is refused elsewhere, and on SQLite a
 * {@code :name}, {@code @name} or {@code $name} that would reach the database as one of its own
 * (unbound) parameters is refused at compile time. A parameter without a value raises at execution.
 * Immutable: {@link #bind} returns a new clause.
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
        Lexed lexed = lex(text, SqlLexicon.STANDARD, null);
        return new TextClause(text, lexed.sql(), lexed.names(), Map.of(), Map.of());
    }

    /** The SQL to send (parameters as {@code ?}) and the parameter names in order. */
    private record Lexed(String sql, String[] names) {
    }

    /**
     * Splits {@code text} into code, strings, quoted identifiers and comments by {@code lx}'s rules,
     * turning each {@code :name} in code into {@code ?}. {@code dialect} (null: only lexing) enables
     * the checks against placeholders the driver would bind to nothing.
     */
    private static Lexed lex(String text, SqlLexicon lx, Dialect dialect) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n + 8);
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            int end = -1;
            if (c == '\'') {
                boolean escapes = lx.backslashEscapes() || lx.escapeStringPrefix() && i > 0
                        && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e') && (i < 2 || !isPart(text.charAt(i - 2)));
                end = skipQuoted(text, i, '\'', escapes);
            } else if (c == '"') {
                end = skipQuoted(text, i, '"', lx.doubleQuotedStrings() && lx.backslashEscapes());
            } else if (c == '`' && lx.backtickIdentifiers()) {
                end = skipQuoted(text, i, '`', false);
            } else if (c == '[' && lx.bracketIdentifiers()) {
                int close = text.indexOf(']', i + 1);
                end = close < 0 ? n : close + 1;
            } else if (c == '-' && next == '-' && (!lx.dashCommentNeedsSpace() || i + 2 >= n || text.charAt(i + 2) <= ' ')
                    || c == '#' && lx.hashComments()) {
                int nl = text.indexOf('\n', i);
                end = nl < 0 ? n : nl;
            } else if (c == '/' && next == '*') {
                end = skipBlockComment(text, i, lx.nestedBlockComments());
            } else if (c == '$' && lx.dollarQuotes() && (i == 0 || !isPart(text.charAt(i - 1)))) {
                String tag = dollarTag(text, i);
                if (tag != null) {
                    int close = text.indexOf(tag, i + tag.length());
                    end = close < 0 ? n : close + tag.length();
                }
            }
            if (end >= 0) {
                out.append(text, i, end);
                i = end;
                continue;
            }
            if (c == '\\' && next == ':') {
                if (dialect != null && lx.nativeParameterPrefixes().indexOf(':') >= 0 && i + 2 < n
                        && isStart(text.charAt(i + 2))) {
                    throw leftover(dialect, text, i + 1);
                }
                out.append(':');
                i += 2;
            } else if (c == ':' && next == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && isStart(next)) {
                int j = i + 1;
                while (j < n && isPart(text.charAt(j))) {
                    j++;
                }
                names.add(text.substring(i + 1, j));
                out.append('?');
                i = j;
            } else if (c == '?' && dialect != null && lx.questionMark() != SqlLexicon.QuestionMark.PASS) {
                if (lx.questionMark() == SqlLexicon.QuestionMark.REFUSE) {
                    throw new ArgumentError("text() holds a '?' outside strings and comments, which the " + dialect.name()
                            + " driver would take for a placeholder with no value; write parameters as :name. In: " + text);
                }
                out.append("??");
                i++;
            } else {
                if (dialect != null && lx.nativeParameterPrefixes().indexOf(c) >= 0 && c != ':' && isStart(next)
                        && (i == 0 || !isPart(text.charAt(i - 1)))) {
                    throw leftover(dialect, text, i);
                }
                out.append(c);
                i++;
            }
        }
        return new Lexed(out.toString(), names.toArray(String[]::new));
    }

    private static ArgumentError leftover(Dialect dialect, String text, int at) {
        int j = at + 1;
        while (j < text.length() && isPart(text.charAt(j))) {
            j++;
        }
        return new ArgumentError("text() would send '" + text.substring(at, j) + "' outside strings and comments, which "
                + dialect.name() + " reads as a parameter of its own and binds to NULL; write parameters as :name"
                + " (a literal colon before a name cannot be written outside a string here). In: " + text);
    }

    /** The end (exclusive) of the quoted run starting at {@code start}; doubled quotes stay inside. */
    private static int skipQuoted(String text, int start, char quote, boolean backslashEscapes) {
        int n = text.length();
        int j = start + 1;
        while (j < n) {
            char c = text.charAt(j);
            if (c == '\\' && backslashEscapes) {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < n && text.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    private static int skipBlockComment(String text, int start, boolean nested) {
        int n = text.length();
        int depth = 0;
        int j = start;
        while (j < n) {
            if (j + 1 < n && text.charAt(j) == '/' && text.charAt(j + 1) == '*' && (depth == 0 || nested)) {
                depth++;
                j += 2;
            } else if (j + 1 < n && text.charAt(j) == '*' && text.charAt(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    /** The {@code $tag$} opening a PostgreSQL dollar-quoted string at {@code start}, or null. */
    private static String dollarTag(String text, int start) {
        int j = start + 1;
        if (j < text.length() && text.charAt(j) != '$' && !(Character.isLetter(text.charAt(j)) || text.charAt(j) == '_')) {
            return null;
        }
        while (j < text.length() && text.charAt(j) != '$') {
            if (!isPart(text.charAt(j))) {
                return null;
            }
            j++;
        }
        return j < text.length() ? text.substring(start, j + 1) : null;
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
        Lexed lexed = lex(text, dialect.lexicon(), dialect);
        String[] names = lexed.names();
        String sql = lexed.sql();
        List<String> boundNames = new ArrayList<>(bound.keySet());
        for (String b : boundNames) {
            if (!Arrays.asList(names).contains(b)) {
                throw new ArgumentError("text() parameter ':" + b + "' has a value, but " + dialect.name()
                        + " reads it as part of a string literal or comment; its parameters there are "
                        + Arrays.toString(names) + " in: " + text);
            }
        }
        Compiled.BindSlot[] slots = new Compiled.BindSlot[names.length];
        for (int i = 0; i < names.length; i++) {
            int idx = boundNames.indexOf(names[i]);
            slots[i] = new Compiled.BindSlot(names[i], idx, types.get(names[i]));
        }
        Compiled.ResultColumn[] rc = new Compiled.ResultColumn[columns.size()];
        for (int i = 0; i < rc.length; i++) {
            SqlType<?> t = columns.get(i).type();
            rc[i] = new Compiled.ResultColumn(columns.get(i).name(),
                    t instanceof org.jalchemy.types.NullType ? null : dialect.typeImpl(t));
        }
        boolean query = !columns.isEmpty() || looksLikeQuery(sql);
        return new Compiled(sql, slots, rc, dialect, query, columns.toArray(), Compiled.KeyFetch.NONE,
                query ? null : writtenTable(sql));
    }

    /**
     * The table a plain {@code INSERT INTO t}, {@code UPDATE t}, {@code DELETE FROM t},
     * {@code REPLACE INTO t} or {@code TRUNCATE [TABLE] t} writes (lower case, quotes and schema
     * removed), or null when the text is anything else (then listeners treat it as writing any table).
     */
    static java.util.Set<String> writtenTable(String sql) {
        java.util.regex.Matcher m = WRITE.matcher(sql);
        if (!m.lookingAt()) {
            return null;
        }
        String name = m.group(1);
        int dot = name.lastIndexOf('.');
        name = name.substring(dot + 1).replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
        return name.isEmpty() ? null : java.util.Set.of(name.toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.regex.Pattern WRITE = java.util.regex.Pattern.compile(
            "\\s*(?:INSERT\\s+(?:IGNORE\\s+)?INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?)\\s+"
                    + "((?:[\"`\\[]?[\\w$]+[\"`\\]]?\\.)?[\"`\\[]?[\\w$]+[\"`\\]]?)(?:\\s|\\(|$)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

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
        // an empty array cannot be modified, so every statement without bound values shares one
        return bound.isEmpty() ? NO_VALUES : bound.values().toArray();
    }

    private static final Object[] NO_VALUES = new Object[0];

    @Override
    public String toString() {
        return text;
    }
}
