package org.jalchemy.sql;

import org.jalchemy.dialect.DefaultDialect;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.types.NullType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;

import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders expression-language statements as SQL for one dialect (SQLAlchemy's {@code SQLCompiler}):
 * a visitor whose {@code visitX} methods each render one node kind in standard SQL. Dialect
 * compilers ({@code dialect.<db>.XxxCompiler}) subclass it and override the hooks where their
 * database differs (LIMIT forms, boolean literals, ILIKE, concatenation, upserts, RETURNING...).
 *
 * <p>Every value becomes a {@code ?} with a {@link Compiled.BindSlot} pointing at the statement's
 * {@link Executable#boundValues()} by ordinal (from the same {@link KeyBuilder} walk that makes the
 * cache key), so the result is valid for every statement with an equal cache key.
 *
 * <p>One instance compiles one statement; not thread-safe. Dialects make a new one per compile.
 */
public class SqlCompiler {
    protected final Dialect dialect;
    private StringBuilder sb = new StringBuilder(128);
    private List<Compiled.BindSlot> slots = new ArrayList<>();
    private Map<Object, Integer> ordinals = Map.of();
    private final Map<Object, String> bindNames = new IdentityHashMap<>();
    private final Map<String, Integer> bindNameCounters = new HashMap<>();
    private final Map<Object, String> anonNames = new IdentityHashMap<>();
    private final Map<String, Integer> anonCounters = new HashMap<>();
    private final Deque<Set<FromClause>> enclosingFroms = new ArrayDeque<>();
    private boolean correlateNext;
    private CteScope cteScope;
    private CteScope dmlScope;
    private int selectDepth;
    private boolean qualifyColumns = true;
    private boolean namedPlaceholders;
    private boolean literalBinds;
    private Compiled.ResultColumn[] resultColumns = new Compiled.ResultColumn[0];
    private Object[] resultKeys = new Object[0];
    private boolean recorded;
    private Compiled.KeyFetch keyFetch = Compiled.KeyFetch.NONE;
    private Map<Object, String> orderByNames = Map.of();
    private final Set<String> tables = new java.util.TreeSet<>();

    public SqlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The dialect being compiled for. */
    public Dialect dialect() {
        return dialect;
    }

    // ------------------------------------------------------------------ entry points

    /** Compiles a whole statement. */
    public Compiled compileStatement(StatementBase stmt) {
        KeyBuilder k = new KeyBuilder();
        stmt.keyTo(k);
        ordinals = k.bindOrdinals();
        cteScope = new CteScope(0, 0);
        process(stmt);
        closeCteScope(cteScope);
        boolean isQuery = stmt instanceof SelectBase || stmt instanceof DmlBase d && !d.returningColumns().isEmpty()
                || keyFetch == Compiled.KeyFetch.RETURNING;
        return new Compiled(sb.toString(), slots.toArray(Compiled.BindSlot[]::new), resultColumns, dialect, isQuery,
                resultKeys, keyFetch, Set.copyOf(tables));
    }

    /**
     * The statement's SQL with every bound value rendered inline as a literal (SQLAlchemy's
     * {@code literal_binds}), for scripts and display. Strings are escaped for this dialect;
     * values of types that have no safe literal form raise {@link CompileError}.
     */
    public String compileLiteral(StatementBase stmt) {
        literalBinds = true;
        return compileStatement(stmt).sql();
    }

    /** Generic SQL with {@code :name} placeholders, for {@code toString()}. */
    static String render(ClauseElement e) {
        try {
            SqlCompiler c = new DefaultDialect().newSqlCompiler();
            c.namedPlaceholders = true;
            KeyBuilder k = new KeyBuilder();
            e.keyTo(k);
            c.ordinals = k.bindOrdinals();
            c.cteScope = c.new CteScope(0, 0);
            c.process(e);
            c.closeCteScope(c.cteScope);
            return c.sb.toString();
        } catch (RuntimeException ex) {
            return "<" + e.getClass().getSimpleName() + ": " + ex.getMessage() + ">";
        }
    }

    // ------------------------------------------------------------------ output primitives

    /** Appends raw SQL text. */
    public final SqlCompiler append(String s) {
        sb.append(s);
        return this;
    }

    /** Renders {@code e}. */
    public final void process(ClauseElement e) {
        e.compileTo(this);
    }

    /** Renders {@code e}, in parentheses when it binds looser than {@code parentPrecedence}. */
    public final void process(ClauseElement e, int parentPrecedence, boolean strict) {
        int p = e.precedence();
        boolean parens = p < parentPrecedence || (strict && p == parentPrecedence);
        if (parens) {
            sb.append('(');
        }
        e.compileTo(this);
        if (parens) {
            sb.append(')');
        }
    }

    /** Renders a comma-separated list. */
    public final void processList(List<? extends ClauseElement> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            process(items.get(i));
        }
    }

    /** Quotes an identifier when needed. */
    public final String quote(String name) {
        return dialect.quoteIdentifier(name);
    }

    /** A SQL string literal with quotes (and, per dialect, backslashes) escaped. */
    protected String literalString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Raises a {@link CompileError} naming the dialect. */
    protected final CompileError unsupported(String what) {
        String version = dialect.serverVersion() == Integer.MAX_VALUE ? ""
                : " (server version " + dialect.serverVersion() + ")";
        return new CompileError(what + " is not supported by the " + dialect.name() + " dialect" + version);
    }

    protected final boolean isNested() {
        return selectDepth > 1;
    }

    // ------------------------------------------------------------------ bind parameters

    /** The implementation type a slot or result column uses; null means "let the driver decide". */
    protected SqlType<?> implType(SqlType<?> t) {
        if (t == null || t instanceof NullType) {
            return null;
        }
        return dialect.typeImpl(t);
    }

    /** A value as a SQL literal of this dialect; CompileError for values without a safe literal form. */
    protected String renderLiteral(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            return v.toString();
        }
        if (v instanceof Boolean b) {
            return dialect.supportsNativeBoolean() ? b.toString() : b ? "1" : "0";
        }
        if (v instanceof String || v instanceof Character || v instanceof Enum<?>) {
            String str = v instanceof Enum<?> e ? e.name() : v.toString();
            if (str.indexOf(0) >= 0) {
                throw new CompileError("Cannot render a string containing NUL as a literal; use a bound parameter");
            }
            return literalString(str);
        }
        throw new CompileError("Cannot render a literal value of type " + v.getClass().getName()
                + " on the " + dialect.name() + " dialect; use a bound parameter");
    }

    protected void visitBind(BindParameter<?> p) {
        if (literalBinds) {
            if (!p.hasValue()) {
                throw new CompileError("Bind parameter '" + p.key() + "' has no value to render as a literal");
            }
            sb.append(renderLiteral(p.value()));
            return;
        }
        Integer ord = ordinals.get(p);
        String name = p.isNamed() ? p.key() : bindNames.computeIfAbsent(p, x -> {
            int n = bindNameCounters.merge(p.key(), 1, Integer::sum);
            return p.key() + "_" + n;
        });
        Compiled.BindSlot slot;
        if (p.hasValue()) {
            if (ord == null) {
                throw new CompileError("Internal error: bind parameter " + name + " was not found in the statement walk");
            }
            slot = Compiled.BindSlot.embedded(ord, name, implType(p.type()));
        } else {
            slot = Compiled.BindSlot.named(name, implType(p.type()));
        }
        slots.add(slot);
        sb.append(namedPlaceholders ? ":" + name : "?");
    }

    // ------------------------------------------------------------------ column expressions

    protected void visitColumn(ColumnClause<?> c) {
        ColumnElement<?> computed = c.expression();
        if (computed != null) { // its precedence is the expression's: callers parenthesized it already
            process(computed);
            return;
        }
        FromClause t = c.table();
        if (t != null && qualifyColumns) {
            sb.append(fromName(t)).append('.');
        }
        sb.append(quote(dialect.checkIdentifier(c.name())));
    }

    /** The name a FROM entry is referred to by in column qualifiers. */
    protected String fromName(FromClause f) {
        if (f instanceof CTE cte) {
            return quote(cte.name());
        }
        if (f instanceof TableClause t) {
            tables.add(t.name().toLowerCase(java.util.Locale.ROOT));
            String name = quote(dialect.checkIdentifier(t.name()));
            return t.schema() == null ? name : quote(dialect.checkIdentifier(t.schema())) + "." + name;
        }
        if (f instanceof Alias a) {
            return quote(aliasName(a));
        }
        throw new CompileError("Cannot qualify a column with " + f.describe());
    }

    /** The alias's name, or a generated {@code anon_N} / {@code <table>_N}. */
    protected final String aliasName(Alias a) {
        if (a.name() != null) {
            return a.name();
        }
        return anonNames.computeIfAbsent(a, x -> {
            String base = a.element() instanceof TableClause t ? t.name() : "anon";
            int n = anonCounters.merge(base, 1, Integer::sum);
            return base + "_" + n;
        });
    }

    protected void visitBinary(BinaryExpression<?> b) {
        Operator op = b.operator();
        int prec = op.precedence();
        if (op == Operator.ILIKE || op == Operator.NOT_ILIKE) {
            visitIlike(b, op == Operator.NOT_ILIKE);
        } else if (op == Operator.CONCAT) {
            visitConcat(b);
        } else if (op == Operator.IS_DISTINCT_FROM || op == Operator.IS_NOT_DISTINCT_FROM) {
            visitIsDistinctFrom(b, op == Operator.IS_NOT_DISTINCT_FROM);
        } else {
            process(b.left(), prec, false);
            sb.append(op.sql());
            process(b.right(), prec, op.nonAssociative());
        }
        appendEscape(b);
    }

    protected final void appendEscape(BinaryExpression<?> b) {
        if (b.escape() != null) {
            sb.append(" ESCAPE ").append(literalString(String.valueOf(b.escape())));
        }
    }

    /** Case-insensitive LIKE; standard form {@code lower(x) LIKE lower(y)}. */
    protected void visitIlike(BinaryExpression<?> b, boolean negate) {
        sb.append("lower(");
        process(b.left());
        sb.append(negate ? ") NOT LIKE lower(" : ") LIKE lower(");
        process(b.right());
        sb.append(')');
    }

    /** String concatenation; standard {@code a || b}. */
    protected void visitConcat(BinaryExpression<?> b) {
        process(b.left(), Precedence.CONCAT, false);
        sb.append(" || ");
        process(b.right(), Precedence.CONCAT, true);
    }

    /** {@code IS [NOT] DISTINCT FROM}; standard form. */
    protected void visitIsDistinctFrom(BinaryExpression<?> b, boolean not) {
        process(b.left(), Precedence.COMPARISON, false);
        sb.append(not ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
        process(b.right(), Precedence.COMPARISON, true);
    }

    protected void visitUnary(UnaryExpression<?> u) {
        if (u.kind() == UnaryExpression.Kind.EXISTS) {
            sb.append("EXISTS (");
            processCorrelated((SelectBase) u.element());
            sb.append(')');
            return;
        }
        sb.append(u.kind().prefix);
        if (u.kind() == UnaryExpression.Kind.NOT) {
            processCriterion((ColumnElement<?>) u.element(), Precedence.NOT);
        } else {
            process(u.element(), u.kind().precedence, u.kind() == UnaryExpression.Kind.NEG);
        }
        sb.append(u.kind().suffix);
    }

    /**
     * Renders a boolean criterion (WHERE, HAVING, ON, CASE WHEN, NOT). Dialects without boolean
     * expressions as values (Oracle, SQL Server) override it to turn values into predicates.
     */
    protected void processCriterion(ColumnElement<?> e, int parentPrecedence) {
        process(e, parentPrecedence, false);
    }

    /** True for nodes that are predicates in every dialect (comparisons, IN, EXISTS, AND/OR...). */
    protected static boolean isPredicate(ColumnElement<?> e) {
        if (e instanceof BinaryExpression<?> b) {
            return b.operator().precedence() == Precedence.COMPARISON;
        }
        if (e instanceof UnaryExpression<?> u) {
            return u.kind() == UnaryExpression.Kind.NOT || u.kind() == UnaryExpression.Kind.EXISTS
                    || u.kind() == UnaryExpression.Kind.IS_NULL || u.kind() == UnaryExpression.Kind.IS_NOT_NULL;
        }
        return e instanceof InList || e instanceof Between || e instanceof BooleanClauseList;
    }

    protected void visitBooleanList(BooleanClauseList b) {
        List<ColumnElement<?>> cs = b.clauses();
        if (cs.isEmpty()) {
            visitKeyword(new Keyword<>(b.isAnd() ? Keyword.Kind.TRUE : Keyword.Kind.FALSE, ExprTypes.BOOLEAN));
            return;
        }
        int prec = b.precedence();
        for (int i = 0; i < cs.size(); i++) {
            if (i > 0) {
                sb.append(b.isAnd() ? " AND " : " OR ");
            }
            processCriterion(cs.get(i), prec);
        }
    }

    protected void visitBetween(Between b) {
        process(b.element(), Precedence.COMPARISON, true);
        sb.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
        process(b.lower(), Precedence.COMPARISON, true);
        sb.append(" AND ");
        process(b.upper(), Precedence.COMPARISON, true);
    }

    /** Longest IN list the database accepts in one predicate (Oracle: 1000). */
    protected int maxInListSize() {
        return Integer.MAX_VALUE;
    }

    protected void visitIn(InList in) {
        if (in.subquery() != null) {
            process(in.element(), Precedence.COMPARISON, true);
            sb.append(in.negated() ? " NOT IN (" : " IN (");
            processCorrelated(in.subquery());
            sb.append(')');
            return;
        }
        List<ColumnElement<?>> vals = in.values();
        if (vals.isEmpty()) {
            // SQLAlchemy's empty-IN semantics: IN () is false, NOT IN () is true.
            sb.append(in.negated() ? "1 = 1" : "1 != 1");
            return;
        }
        int chunk = maxInListSize();
        int chunks = vals.size() <= chunk ? 1 : (vals.size() + chunk - 1) / chunk;
        if (chunks > 1) {
            sb.append('(');
        }
        for (int c = 0; c < chunks; c++) {
            if (c > 0) {
                sb.append(in.negated() ? " AND " : " OR ");
            }
            process(in.element(), Precedence.COMPARISON, true);
            sb.append(in.negated() ? " NOT IN (" : " IN (");
            processList(vals.subList(c * chunk, Math.min(vals.size(), (c + 1) * chunk)));
            sb.append(')');
        }
        if (chunks > 1) {
            sb.append(')');
        }
    }

    protected void visitCollate(Collate<?> c) {
        process(c.element(), Precedence.UNARY, false);
        sb.append(" COLLATE ").append(quote(c.collation()));
    }

    protected void visitOrdering(Ordering<?> o) {
        processOrderElement(o.element());
        if (o.descending() != null) {
            sb.append(o.descending() ? " DESC" : " ASC");
        }
        if (o.nullsFirstFlag() != null) {
            sb.append(o.nullsFirstFlag() ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /** An ORDER BY / GROUP BY operand: a label of the columns clause renders as its name. */
    protected final void processOrderElement(ColumnElement<?> e) {
        String byName = orderByNames.get(e);
        if (byName == null && !orderByNames.isEmpty() && e.name() != null && orderByNames.containsValue(e.name())) {
            byName = e.name();
        }
        if (byName != null) {
            sb.append(quote(byName));
        } else if (e instanceof Label<?> l) {
            sb.append(quote(l.name()));
        } else {
            process(e);
        }
    }

    /** {@code orderBy("name")}: the result column's name, quoted as its label was. */
    protected void visitLabelReference(LabelReference r) {
        sb.append(quote(r.name()));
    }

    protected void visitLabel(Label<?> l) {
        process(l.element());
    }

    /** {@code CAST(x AS type)}. */
    protected void visitCast(Cast<?> c) {
        sb.append("CAST(");
        process(c.element());
        sb.append(" AS ").append(castTypeName(c.type())).append(')');
    }

    /** The type name used in CAST; standard names from the JDBC type code. */
    protected String castTypeName(SqlType<?> t) {
        return switch (t.jdbcType()) {
            case Types.INTEGER -> "INTEGER";
            case Types.BIGINT -> "BIGINT";
            case Types.SMALLINT -> "SMALLINT";
            case Types.VARCHAR, Types.NVARCHAR -> t instanceof StringType s && s.length() != null
                    ? "VARCHAR(" + s.length() + ")" : "VARCHAR";
            case Types.CLOB, Types.LONGVARCHAR -> "TEXT";
            case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
            case Types.NUMERIC, Types.DECIMAL -> "NUMERIC";
            case Types.DOUBLE, Types.FLOAT -> "DOUBLE PRECISION";
            case Types.REAL -> "REAL";
            case Types.DATE -> "DATE";
            case Types.TIME -> "TIME";
            case Types.TIMESTAMP -> "TIMESTAMP";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP WITH TIME ZONE";
            default -> throw new CompileError("Cannot CAST to " + t + " on the " + dialect.name() + " dialect");
        };
    }

    protected void visitKeyword(Keyword<?> k) {
        switch (k.kind()) {
            case NULL -> sb.append("NULL");
            case STAR -> sb.append('*');
            case TRUE -> sb.append(dialect.supportsNativeBoolean() ? "true" : "1");
            case FALSE -> sb.append(dialect.supportsNativeBoolean() ? "false" : "0");
        }
    }

    /** A function's SQL name on this dialect (e.g. {@code now} becomes CURRENT_TIMESTAMP on SQLite). */
    protected String functionName(String name) {
        return name;
    }

    private static final Set<String> NO_PARENS = Set.of("current_timestamp", "current_date", "current_time",
            "localtime", "localtimestamp", "current_user", "session_user", "user");

    protected void visitFunction(FunctionElement<?> f) {
        String n = functionName(f.functionName());
        if (f.args().isEmpty() && NO_PARENS.contains(n.toLowerCase(java.util.Locale.ROOT))) {
            sb.append(n.toUpperCase(java.util.Locale.ROOT));
        } else {
            sb.append(n).append('(');
            if (f.args().size() == 1 && f.args().get(0) instanceof Keyword<?> k && k.kind() == Keyword.Kind.STAR) {
                sb.append('*');
            } else {
                processList(f.args());
            }
            sb.append(')');
        }
        if (f.filterClause() != null) {
            visitAggregateFilter(f);
        }
    }

    /** {@code FILTER (WHERE ...)} after an aggregate. */
    protected void visitAggregateFilter(FunctionElement<?> f) {
        sb.append(" FILTER (WHERE ");
        processCriterion(f.filterClause(), Precedence.SELECT);
        sb.append(')');
    }

    protected void visitOver(Over<?> o) {
        process(o.function());
        sb.append(" OVER (");
        boolean space = false;
        if (!o.partitionByClauses().isEmpty()) {
            sb.append("PARTITION BY ");
            processList(o.partitionByClauses());
            space = true;
        }
        if (!o.orderByClauses().isEmpty()) {
            sb.append(space ? " ORDER BY " : "ORDER BY ");
            processOrderList(o.orderByClauses());
            space = true;
        }
        if (o.frame() != null) {
            Over.Frame fr = o.frame();
            sb.append(space ? " " : "").append(fr.range() ? "RANGE" : "ROWS").append(" BETWEEN ")
                    .append(frameBound(fr.start(), true)).append(" AND ").append(frameBound(fr.end(), false));
        }
        sb.append(')');
    }

    private static String frameBound(Integer b, boolean start) {
        if (b == null) {
            return start ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING";
        }
        if (b == 0) {
            return "CURRENT ROW";
        }
        return b < 0 ? (-b) + " PRECEDING" : b + " FOLLOWING";
    }

    protected void visitCase(Case<?> c) {
        sb.append("CASE");
        for (int i = 0; i < c.conditions().size(); i++) {
            sb.append(" WHEN ");
            processCriterion(c.conditions().get(i), Precedence.SELECT);
            sb.append(" THEN ");
            process(c.results().get(i));
        }
        if (c.elseValue() != null) {
            sb.append(" ELSE ");
            process(c.elseValue());
        }
        sb.append(" END");
    }

    protected void visitScalarSelect(ScalarSelect<?> s) {
        sb.append('(');
        processCorrelated(s.select());
        sb.append(')');
    }

    /** Renders the row an upsert tried to insert, for {@code column}: standard {@code excluded.col}. */
    protected void visitExcluded(Excluded<?> e) {
        sb.append("excluded.").append(quote(e.column().name()));
    }

    // ------------------------------------------------------------------ FROM clauses

    protected void visitTable(TableClause t) {
        sb.append(fromName(t));
    }

    /** Keyword between a FROM item and its alias: {@code " AS "} (Oracle: a space). */
    protected String aliasKeyword() {
        return " AS ";
    }

    protected void visitAlias(Alias a) {
        if (a.element() instanceof SelectBase s) {
            if (a.isLateral()) {
                visitLateral(a);
            }
            sb.append('(');
            processSubquery(s, a.isLateral());
            sb.append(')');
        } else {
            process(a.element());
        }
        sb.append(aliasKeyword()).append(quote(aliasName(a)));
    }

    /** Emits the LATERAL keyword (or raises where unsupported). */
    protected void visitLateral(Alias a) {
        sb.append("LATERAL ");
    }

    protected void visitJoin(Join j) {
        process(j.left());
        if (j.isFull()) {
            if (!dialect.supportsFullOuterJoin()) {
                throw unsupported("FULL OUTER JOIN");
            }
            sb.append(" FULL OUTER JOIN ");
        } else {
            sb.append(j.isOuter() ? " LEFT OUTER JOIN " : " JOIN ");
        }
        if (j.right() instanceof Join || j.right() instanceof FromView v && v.element() instanceof Join) {
            sb.append('(');
            process(j.right());
            sb.append(')');
        } else {
            process(j.right());
        }
        sb.append(" ON ");
        processCriterion(j.onclause(), Precedence.SELECT);
    }

    // ------------------------------------------------------------------ CTEs

    private final class CteScope {
        final int textStart;
        final int slotStart;
        final Set<String> names = new HashSet<>();
        final List<StringBuilder> texts = new ArrayList<>();
        final List<List<Compiled.BindSlot>> cteSlots = new ArrayList<>();
        boolean recursive;

        CteScope(int textStart, int slotStart) {
            this.textStart = textStart;
            this.slotStart = slotStart;
        }
    }

    /** Keyword after WITH for recursive CTEs ({@code RECURSIVE}; none on Oracle/SQL Server). */
    protected String recursiveKeyword() {
        return "RECURSIVE ";
    }

    protected void visitCteReference(CTE cte) {
        registerCte(cte);
        sb.append(quote(cte.name()));
    }

    private void registerCte(CTE cte) {
        CteScope scope = cteScope;
        if (!scope.names.add(cte.name())) {
            return;
        }
        StringBuilder savedSb = sb;
        List<Compiled.BindSlot> savedSlots = slots;
        Deque<Set<FromClause>> savedEnclosing = new ArrayDeque<>(enclosingFroms);
        int savedDepth = selectDepth;
        boolean savedQualify = qualifyColumns;
        boolean savedRecorded = recorded;
        recorded = true;
        sb = new StringBuilder();
        slots = new ArrayList<>();
        enclosingFroms.clear();
        selectDepth = 1;
        qualifyColumns = true;
        try {
            sb.append(quote(cte.name()));
            if (cte.isRecursive()) {
                scope.recursive = true;
                sb.append('(');
                List<? extends ColumnClause<?>> cols = cte.columns();
                for (int i = 0; i < cols.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(quote(cols.get(i).name()));
                }
                sb.append(')');
            }
            sb.append(" AS (");
            process(cte.select());
            sb.append(')');
            scope.texts.add(sb);
            scope.cteSlots.add(slots);
        } finally {
            sb = savedSb;
            slots = savedSlots;
            enclosingFroms.clear();
            enclosingFroms.addAll(savedEnclosing);
            selectDepth = savedDepth;
            qualifyColumns = savedQualify;
            recorded = savedRecorded;
        }
    }

    private void closeCteScope(CteScope scope) {
        if (scope.texts.isEmpty()) {
            return;
        }
        StringBuilder with = new StringBuilder("WITH ");
        if (scope.recursive) {
            with.append(recursiveKeyword());
        }
        List<Compiled.BindSlot> ws = new ArrayList<>();
        for (int i = 0; i < scope.texts.size(); i++) {
            with.append(i > 0 ? ", " : "").append(scope.texts.get(i));
            ws.addAll(scope.cteSlots.get(i));
        }
        with.append(' ');
        sb.insert(scope.textStart, with);
        slots.addAll(scope.slotStart, ws);
    }

    // ------------------------------------------------------------------ SELECT

    /**
     * True when a WITH clause may precede UPDATE/DELETE (MariaDB: no; its CTEs are then rendered in
     * the subquery that uses them).
     */
    protected boolean ctesOnDml() {
        return true;
    }

    /** Processes a nested select in its own CTE scope when CTEs cannot be hoisted above a DML statement. */
    private void processScoped(SelectBase s) {
        if (dmlScope == null || cteScope != dmlScope || ctesOnDml()) {
            process(s);
            return;
        }
        CteScope saved = cteScope;
        cteScope = new CteScope(sb.length(), slots.size());
        try {
            process(s);
            closeCteScope(cteScope);
        } finally {
            cteScope = saved;
        }
    }

    /** Renders a nested SELECT that correlates with the enclosing one (scalar, EXISTS, IN). */
    protected final void processCorrelated(SelectBase s) {
        correlateNext = true;
        boolean savedQualify = qualifyColumns;
        qualifyColumns = true;
        Map<Object, String> savedOrder = orderByNames;
        orderByNames = Map.of();
        try {
            processScoped(s);
        } finally {
            correlateNext = false;
            qualifyColumns = savedQualify;
            orderByNames = savedOrder;
        }
    }

    /** Renders a SELECT used as a FROM subquery (no correlation unless LATERAL). */
    protected final void processSubquery(SelectBase s, boolean lateral) {
        correlateNext = lateral;
        Map<Object, String> savedOrder = orderByNames;
        orderByNames = Map.of();
        try {
            processScoped(s);
        } finally {
            correlateNext = false;
            orderByNames = savedOrder;
        }
    }

    protected void visitSelect(Select<?> s) {
        boolean correlate = correlateNext;
        correlateNext = false;
        selectDepth++;
        List<FromClause> froms = new ArrayList<>(s.allFroms());
        if (correlate && !enclosingFroms.isEmpty()) {
            Set<FromClause> outer = new HashSet<>();
            for (Set<FromClause> e : enclosingFroms) {
                outer.addAll(e);
            }
            List<FromClause> explicit = s.correlateClauses();
            int before = froms.size();
            froms.removeIf(f -> explicit != null ? explicit.contains(f) : outer.contains(f));
            if (froms.isEmpty() && before > 0 && explicit == null) {
                throw new CompileError("Select statement returned no FROM clauses due to auto-correlation; "
                        + "specify correlate(<tables>) to control correlation manually: " + s.selectedColumns());
            }
        }
        Set<FromClause> mine = new HashSet<>();
        for (FromClause f : froms) {
            f.collectSelfAndParts(mine);
        }
        enclosingFroms.push(mine);
        try {
            sb.append("SELECT ");
            selectModifiers(s);
            List<ColumnElement<?>> cols = s.selectedColumns();
            if (cols.isEmpty()) {
                throw new CompileError("SELECT has no columns");
            }
            columnsClause(cols, selectDepth == 1 && !recorded);
            if (!froms.isEmpty()) {
                sb.append(" FROM ");
                for (int i = 0; i < froms.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    process(froms.get(i));
                }
            } else {
                sb.append(emptyFrom());
            }
            whereClause(s.whereCriteria());
            if (!s.groupByClauses().isEmpty()) {
                sb.append(" GROUP BY ");
                processOrderList(s.groupByClauses());
            }
            if (!s.havingCriteria().isEmpty()) {
                sb.append(" HAVING ");
                processCriterion(BooleanClauseList.of(true, s.havingCriteria()), Precedence.SELECT);
            }
            orderByClause(s.orderByClauses());
            limitOffset(s.limitClause(), s.offsetClause(), !s.orderByClauses().isEmpty());
            if (s.forUpdateClause() != null) {
                forUpdate(s.forUpdateClause());
            }
        } finally {
            enclosingFroms.pop();
            selectDepth--;
        }
    }

    /** Text after "SELECT ": DISTINCT, DISTINCT ON, TOP. */
    protected void selectModifiers(Select<?> s) {
        if (!s.distinctOnClauses().isEmpty()) {
            throw unsupported("DISTINCT ON");
        }
        if (s.isDistinct()) {
            sb.append("DISTINCT ");
        }
    }

    /** FROM text for a SELECT without FROM entries (Oracle: {@code FROM DUAL}). */
    protected String emptyFrom() {
        return "";
    }

    protected final void whereClause(List<ColumnElement<?>> where) {
        if (!where.isEmpty()) {
            sb.append(" WHERE ");
            processCriterion(BooleanClauseList.of(true, where), Precedence.SELECT);
        }
    }

    protected final void orderByClause(List<ColumnElement<?>> orderBy) {
        if (!orderBy.isEmpty()) {
            sb.append(" ORDER BY ");
            processOrderList(orderBy);
        }
    }

    protected void processOrderList(List<ColumnElement<?>> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            ColumnElement<?> e = items.get(i);
            if (e instanceof Ordering<?>) {
                process(e);
            } else {
                processOrderElement(e);
            }
        }
    }

    /** Renders the columns clause; records result columns for the outermost statement. */
    protected void columnsClause(List<ColumnElement<?>> cols, boolean record) {
        List<String> names = SelectBase.exportedNames(cols);
        Compiled.ResultColumn[] rc = record ? new Compiled.ResultColumn[cols.size()] : null;
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            ColumnElement<?> c = cols.get(i);
            String name = names.get(i);
            process(c instanceof Label<?> l ? l.element() : c);
            if (!(c instanceof ColumnClause<?> cc && cc.name().equals(name) && cc.expression() == null)
                    && !(c instanceof Keyword<?> k && k.kind() == Keyword.Kind.STAR)) {
                sb.append(" AS ").append(quote(name));
            }
            if (rc != null) {
                rc[i] = new Compiled.ResultColumn(name, implType(c.type()));
            }
        }
        if (rc != null) {
            recorded = true;
            resultColumns = rc;
            resultKeys = cols.toArray();
        }
    }

    /** LIMIT/OFFSET; standard {@code LIMIT ? OFFSET ?}. */
    protected void limitOffset(BindParameter<Integer> limit, BindParameter<Integer> offset, boolean hasOrderBy) {
        if (limit != null) {
            sb.append(" LIMIT ");
            process(limit);
        }
        if (offset != null) {
            sb.append(" OFFSET ");
            process(offset);
        }
    }

    protected void forUpdate(Select.ForUpdate f) {
        sb.append(" FOR UPDATE");
        forUpdateOf(f);
        if (f.nowait()) {
            sb.append(" NOWAIT");
        } else if (f.skipLocked()) {
            sb.append(" SKIP LOCKED");
        }
    }

    /**
     * {@code OF t1, t2} of a {@code FOR UPDATE OF}: each FROM entry given as its tables (a join or
     * a view names the tables inside it; an alias its name), without schema, each once, as
     * SQLAlchemy renders them; nothing when none were given.
     */
    protected final void forUpdateOf(Select.ForUpdate f) {
        if (f.of().isEmpty()) {
            return;
        }
        Set<String> names = new java.util.LinkedHashSet<>();
        for (FromClause from : f.of()) {
            surfaceTables(from, names);
        }
        sb.append(" OF ").append(String.join(", ", names));
    }

    private void surfaceTables(FromClause f, Set<String> out) {
        if (f instanceof Join j) {
            surfaceTables(j.left(), out);
            surfaceTables(j.right(), out);
        } else if (f instanceof FromView v) {
            surfaceTables(v.element(), out);
        } else if (f instanceof JoinTarget t) {
            surfaceTables(t.target(), out);
        } else if (f instanceof TableClause t) {
            out.add(quote(dialect.checkIdentifier(t.name())));
        } else if (f instanceof Alias a) {
            out.add(quote(aliasName(a)));
        } else {
            throw new CompileError("FOR UPDATE OF cannot name " + f.describe());
        }
    }

    protected void visitCompoundSelect(CompoundSelect cs) {
        boolean top = selectDepth == 0 && !recorded;
        boolean correlate = correlateNext;
        selectDepth++;
        try {
            List<SelectBase> sel = cs.selects();
            for (int i = 0; i < sel.size(); i++) {
                if (i > 0) {
                    sb.append(' ').append(cs.kind().sql()).append(' ');
                }
                correlateNext = correlate;
                compoundMember(sel.get(i), i == 0 && top);
            }
            correlateNext = false;
            if (!cs.orderByClauses().isEmpty()) {
                List<ColumnElement<?>> first = cs.selects().get(0).selectedColumns();
                List<String> names = SelectBase.exportedNames(first);
                Map<Object, String> byName = new IdentityHashMap<>();
                for (SelectBase member : cs.selects()) { // the first SELECT's and, by position, the others'
                    List<ColumnElement<?>> cols = member.selectedColumns();
                    for (int i = 0; i < cols.size() && i < names.size(); i++) {
                        byName.putIfAbsent(cols.get(i), names.get(i));
                        if (cols.get(i) instanceof Label<?> l) {
                            byName.putIfAbsent(l.element(), names.get(i));
                        }
                    }
                }
                Map<Object, String> saved = orderByNames;
                orderByNames = byName;
                try {
                    orderByClause(cs.orderByClauses());
                } finally {
                    orderByNames = saved;
                }
            }
            limitOffset(cs.limitClause(), cs.offsetClause(), !cs.orderByClauses().isEmpty());
        } finally {
            selectDepth--;
        }
    }

    /** One member of a UNION etc.; parenthesized when it has its own ORDER BY/LIMIT or is compound. */
    protected void compoundMember(SelectBase s, boolean recordColumns) {
        boolean parens = s instanceof CompoundSelect || s instanceof Select<?> sel
                && (!sel.orderByClauses().isEmpty() || sel.limitClause() != null || sel.offsetClause() != null);
        if (parens) {
            sb.append('(');
        }
        compoundMemberBody(s, recordColumns);
        if (parens) {
            sb.append(')');
        }
    }

    /** Renders a compound member without parentheses; {@code recordColumns} for the first member of the outermost one. */
    protected final void compoundMemberBody(SelectBase s, boolean recordColumns) {
        int depth = selectDepth;
        if (recordColumns) {
            selectDepth = 0;
        }
        try {
            process(s);
        } finally {
            selectDepth = depth;
        }
    }

    // ------------------------------------------------------------------ DML

    protected final void withUnqualified(Runnable r) {
        boolean saved = qualifyColumns;
        qualifyColumns = false;
        try {
            r.run();
        } finally {
            qualifyColumns = saved;
        }
    }

    protected void checkReturning(DmlBase d, String statement) {
        if (!d.returningColumns().isEmpty() && !dialect.supportsReturning()) {
            throw unsupported(statement + " ... RETURNING");
        }
    }

    /**
     * Hook where SQL Server puts its {@code OUTPUT} clause: after an INSERT's column list, after an
     * UPDATE's SET, after DELETE's table. Standard SQL has nothing there.
     */
    protected void dmlOutput(DmlBase d) {
    }

    /** Records {@code cols} as the statement's result columns without rendering them. */
    protected final void recordResultColumns(List<ColumnElement<?>> cols) {
        List<String> names = SelectBase.exportedNames(cols);
        Compiled.ResultColumn[] rc = new Compiled.ResultColumn[cols.size()];
        for (int i = 0; i < rc.length; i++) {
            rc[i] = new Compiled.ResultColumn(names.get(i), implType(cols.get(i).type()));
        }
        recorded = true;
        resultColumns = rc;
        resultKeys = cols.toArray();
    }

    /** {@code RETURNING cols} at the end of a DML statement. */
    protected void returningClause(DmlBase d) {
        if (d.returningColumns().isEmpty()) {
            return;
        }
        sb.append(" RETURNING ");
        withUnqualified(() -> columnsClause(d.returningColumns(), true));
    }

    protected void visitInsert(Insert ins) {
        checkReturning(ins, "INSERT");
        boolean top = selectDepth == 0;
        selectDepth++;
        try {
            sb.append("INSERT INTO ").append(fromName(ins.table()));
            insertBody(ins);
            if (ins.upsert() != null) {
                upsertClause(ins);
            }
            returningClause(ins);
            if (top && ins.returningColumns().isEmpty() && !ins.isExecuteMany() && ins.select() == null
                    && ins.rows().size() <= 1) {
                implicitReturning(ins);
            }
        } finally {
            selectDepth--;
        }
    }

    /**
     * Arranges for a single-row INSERT to report its primary key: {@code RETURNING pk} where the
     * dialect has RETURNING, JDBC generated keys otherwise. Needs known primary key columns.
     */
    protected void implicitReturning(Insert ins) {
        List<? extends ColumnClause<?>> pk = ins.table().primaryKeyColumns();
        if (pk.isEmpty()) {
            return;
        }
        List<ColumnElement<?>> cols = new ArrayList<>(pk);
        if (dialect.supportsReturning()) {
            sb.append(" RETURNING ");
            withUnqualified(() -> columnsClause(cols, true));
            keyFetch = Compiled.KeyFetch.RETURNING;
        } else if (pk.size() == 1) {
            resultColumns = new Compiled.ResultColumn[]{new Compiled.ResultColumn(pk.get(0).name(),
                    implType(pk.get(0).type()))};
            resultKeys = cols.toArray();
            keyFetch = Compiled.KeyFetch.GENERATED_KEYS;
        }
    }

    /** Column list and VALUES / SELECT / DEFAULT VALUES of an INSERT. */
    protected void insertBody(Insert ins) {
        if (ins.select() != null) {
            sb.append(" (");
            columnNames(ins.selectColumns());
            sb.append(')');
            dmlOutput(ins);
            sb.append(' ');
            CteScope saved = cteScope;
            cteScope = new CteScope(sb.length(), slots.size());
            try {
                selectDepth++;
                process(ins.select());
                selectDepth--;
                closeCteScope(cteScope);
            } finally {
                cteScope = saved;
            }
            return;
        }
        List<Map<ColumnClause<?>, ColumnElement<?>>> rows = ins.rows();
        if (rows.isEmpty() || rows.get(0).isEmpty()) {
            dmlOutput(ins);
            sb.append(defaultValues());
            return;
        }
        sb.append(" (");
        columnNames(new ArrayList<>(rows.get(0).keySet()));
        sb.append(')');
        dmlOutput(ins);
        sb.append(" VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                sb.append(", ");
            }
            sb.append('(');
            processList(new ArrayList<>(rows.get(r).values()));
            sb.append(')');
        }
    }

    /** An INSERT of no values: standard {@code DEFAULT VALUES}. */
    protected String defaultValues() {
        return " DEFAULT VALUES";
    }

    protected final void columnNames(List<? extends ColumnClause<?>> cols) {
        for (int i = 0; i < cols.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(quote(cols.get(i).name()));
        }
    }

    /** The upsert clause: standard (PostgreSQL/SQLite) {@code ON CONFLICT (...) DO UPDATE SET ...}. */
    protected void upsertClause(Insert ins) {
        Insert.Upsert u = ins.upsert();
        sb.append(" ON CONFLICT");
        if (!u.target().isEmpty()) {
            sb.append(" (");
            columnNames(u.target());
            sb.append(')');
        } else if (!u.doNothing()) {
            throw new CompileError("ON CONFLICT DO UPDATE requires conflict target columns on the "
                    + dialect.name() + " dialect; pass them to onConflictDoUpdate()");
        }
        if (u.doNothing()) {
            sb.append(" DO NOTHING");
            return;
        }
        sb.append(" DO UPDATE SET ");
        setClause(u.set());
    }

    /**
     * An upsert as {@code MERGE} (Oracle, SQL Server): the single VALUES row becomes a source
     * query aliased {@code excluded}, matched on the conflict target (or the primary key).
     *
     * @param sourceSuffix text after the source SELECT's columns ({@code " FROM DUAL"} on Oracle)
     * @param sourceAlias  the source alias with its keyword ({@code " excluded"} / {@code " AS excluded"})
     * @param terminator   text after the statement ({@code ";"} on SQL Server)
     */
    protected final void mergeUpsert(Insert ins, String sourceSuffix, String sourceAlias, String terminator) {
        Insert.Upsert u = ins.upsert();
        if (ins.rows().size() != 1 || ins.rows().get(0).isEmpty()) {
            throw new CompileError("An upsert compiles to MERGE on the " + dialect.name()
                    + " dialect, which needs exactly one VALUES row");
        }
        if (!ins.returningColumns().isEmpty()) {
            throw unsupported("RETURNING on an upsert (MERGE)");
        }
        List<? extends ColumnClause<?>> target = u.target().isEmpty() ? ins.table().primaryKeyColumns() : u.target();
        if (target.isEmpty()) {
            throw new CompileError("An upsert on the " + dialect.name() + " dialect (MERGE) needs conflict target "
                    + "columns or a primary key on " + ins.table().describe());
        }
        Map<ColumnClause<?>, ColumnElement<?>> row = ins.rows().get(0);
        String t = fromName(ins.table());
        sb.append("MERGE INTO ").append(t).append(" USING (SELECT ");
        int i = 0;
        for (Map.Entry<ColumnClause<?>, ColumnElement<?>> e : row.entrySet()) {
            if (i++ > 0) {
                sb.append(", ");
            }
            process(e.getValue());
            sb.append(" AS ").append(quote(e.getKey().name()));
        }
        sb.append(sourceSuffix).append(')').append(sourceAlias).append(" ON (");
        for (int k = 0; k < target.size(); k++) {
            String c = quote(target.get(k).name());
            sb.append(k > 0 ? " AND " : "").append(t).append('.').append(c).append(" = excluded.").append(c);
        }
        sb.append(')');
        if (!u.doNothing()) {
            sb.append(" WHEN MATCHED THEN UPDATE SET ");
            setClause(u.set());
        }
        sb.append(" WHEN NOT MATCHED THEN INSERT (");
        columnNames(new ArrayList<>(row.keySet()));
        sb.append(") VALUES (");
        int j = 0;
        for (ColumnClause<?> c : row.keySet()) {
            sb.append(j++ > 0 ? ", " : "").append("excluded.").append(quote(c.name()));
        }
        sb.append(')').append(terminator);
    }

    protected final void setClause(Map<ColumnClause<?>, ColumnElement<?>> set) {
        int i = 0;
        for (Map.Entry<ColumnClause<?>, ColumnElement<?>> e : set.entrySet()) {
            if (i++ > 0) {
                sb.append(", ");
            }
            sb.append(quote(e.getKey().name())).append(" = ");
            process(e.getValue());
        }
    }

    protected void visitUpdate(Update u) {
        checkReturning(u, "UPDATE");
        if (u.valuesMap().isEmpty()) {
            throw new CompileError("UPDATE of " + u.table().describe() + " has no values to SET");
        }
        selectDepth++;
        Set<FromClause> mine = new HashSet<>();
        mine.add(u.table());
        List<FromClause> extra = u.extraFroms();
        for (FromClause f : extra) {
            f.collectSelfAndParts(mine);
        }
        enclosingFroms.push(mine);
        dmlScope = cteScope;
        try {
            sb.append("UPDATE ").append(fromName(u.table())).append(" SET ");
            setClause(u.valuesMap());
            dmlOutput(u);
            if (!extra.isEmpty()) {
                updateFrom(extra);
            }
            whereClause(u.whereCriteria());
            returningClause(u);
        } finally {
            enclosingFroms.pop();
            selectDepth--;
        }
    }

    /** {@code UPDATE ... FROM others} (PostgreSQL, SQLite). */
    protected void updateFrom(List<FromClause> extra) {
        sb.append(" FROM ");
        for (int i = 0; i < extra.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            process(extra.get(i));
        }
    }

    protected void visitDelete(Delete d) {
        checkReturning(d, "DELETE");
        selectDepth++;
        Set<FromClause> mine = new HashSet<>();
        mine.add(d.table());
        List<FromClause> extra = d.extraFroms();
        for (FromClause f : extra) {
            f.collectSelfAndParts(mine);
        }
        enclosingFroms.push(mine);
        dmlScope = cteScope;
        try {
            sb.append("DELETE FROM ").append(fromName(d.table()));
            dmlOutput(d);
            if (!extra.isEmpty()) {
                deleteUsing(d, extra);
            }
            whereClause(d.whereCriteria());
            returningClause(d);
        } finally {
            enclosingFroms.pop();
            selectDepth--;
        }
    }

    /** {@code DELETE FROM t USING others} (PostgreSQL); a CompileError by default. */
    protected void deleteUsing(Delete d, List<FromClause> extra) {
        throw unsupported("DELETE with other tables in WHERE (DELETE ... USING)");
    }

    /** Renders FROM entries separated by commas. */
    protected final void fromList(List<FromClause> froms) {
        for (int i = 0; i < froms.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            process(froms.get(i));
        }
    }

    @Override
    public String toString() {
        return "SqlCompiler[" + dialect.name() + "]";
    }

    /** Unused helper kept for subclasses that need an ordered map. */
    protected static <K, V> Map<K, V> linked() {
        return new LinkedHashMap<>();
    }
}
