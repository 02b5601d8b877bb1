package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code SELECT} (SQLAlchemy's {@code Select}): an immutable value; every builder call returns a
 * new Select. FROM entries are inferred from the columns and the WHERE clause (tables named by
 * their columns) plus those given by {@link #selectFrom} and {@link #join}; a table that is part of
 * a join is not listed again. Several {@link #where} calls AND together.
 *
 * <p>Inside an enclosing SELECT (scalar subquery, EXISTS, IN) FROM entries that the enclosing
 * SELECT already has are omitted (auto-correlation), unless {@link #correlate} names others.
 *
 * <p>{@code R} is the row shape ({@link Row1} ... {@link Row8}, or the untyped {@link Tuple}),
 * fixed by {@code select(...)} from the columns' declared types and kept by every builder that
 * does not change the columns; {@link #addColumns}/{@link #withOnlyColumns} give a
 * {@code Select<Tuple>}. It exists only for javac: the SQL, the cache key and execution ignore it.
 */
public final class Select<R> extends SelectBase {
    private final List<ColumnsClauseRole> raw;
    private final List<ColumnElement<?>> columns;
    private final List<FromClause> froms;
    private final List<ColumnElement<?>> where;
    private final List<ColumnElement<?>> groupBy;
    private final List<ColumnElement<?>> having;
    private final List<ColumnElement<?>> orderBy;
    private final BindParameter<Integer> limit;
    private final BindParameter<Integer> offset;
    private final boolean distinct;
    private final List<ColumnElement<?>> distinctOn;
    private final ForUpdate forUpdate;
    private final List<FromClause> correlate;
    private final int fetchSize;
    private List<ExecutableOption> options = List.of(); // set only right after construction, by with()/options()

    /**
     * {@code FOR UPDATE} options; {@code of} lists the FROM clauses whose rows to lock
     * ({@code FOR UPDATE OF t}), empty for all of them.
     */
    public record ForUpdate(boolean nowait, boolean skipLocked, boolean read, List<FromClause> of) {
        public ForUpdate {
            of = List.copyOf(of);
        }

        public ForUpdate(boolean nowait, boolean skipLocked, boolean read) {
            this(nowait, skipLocked, read, List.of());
        }
    }

    private Select(List<ColumnsClauseRole> raw, List<FromClause> froms, List<ColumnElement<?>> where,
                   List<ColumnElement<?>> groupBy, List<ColumnElement<?>> having, List<ColumnElement<?>> orderBy,
                   BindParameter<Integer> limit, BindParameter<Integer> offset, boolean distinct,
                   List<ColumnElement<?>> distinctOn, ForUpdate forUpdate, List<FromClause> correlate, int fetchSize) {
        this.raw = raw;
        this.froms = froms;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.distinctOn = distinctOn;
        this.forUpdate = forUpdate;
        this.correlate = correlate;
        this.fetchSize = fetchSize;
        List<ColumnElement<?>> cols = new ArrayList<>();
        for (ColumnsClauseRole r : raw) {
            if (r instanceof ColumnElement<?> e) {
                cols.add(e);
            } else if (r instanceof FromClause f) {
                cols.addAll(f.columns());
            } else {
                throw new ArgumentError("select() accepts columns, expressions and FROM clauses; got " + r);
            }
        }
        this.columns = List.copyOf(cols);
    }

    static <R> Select<R> of(List<? extends ColumnsClauseRole> items) {
        for (ColumnsClauseRole r : items) {
            FromClause.required(r, "select() item");
        }
        return new Select<>(List.copyOf(items), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                false, List.of(), null, null, 0);
    }

    private Select<R> with(List<ColumnsClauseRole> raw, List<FromClause> froms, List<ColumnElement<?>> where,
                        List<ColumnElement<?>> groupBy, List<ColumnElement<?>> having, List<ColumnElement<?>> orderBy,
                        BindParameter<Integer> limit, BindParameter<Integer> offset, boolean distinct,
                        List<ColumnElement<?>> distinctOn, ForUpdate forUpdate, List<FromClause> correlate, int fetchSize) {
        Select<R> s = new Select<>(raw, froms, where, groupBy, having, orderBy, limit, offset, distinct, distinctOn, forUpdate,
                correlate, fetchSize);
        s.options = options;
        return s;
    }

    /** This statement with other result columns: its row shape is no longer known, so it is untyped. */
    private Select<Tuple> reshaped(List<ColumnsClauseRole> raw, List<FromClause> froms, List<ColumnElement<?>> where,
                                   List<ColumnElement<?>> groupBy, List<ColumnElement<?>> having,
                                   List<ColumnElement<?>> orderBy, BindParameter<Integer> limit,
                                   BindParameter<Integer> offset, boolean distinct, List<ColumnElement<?>> distinctOn,
                                   ForUpdate forUpdate, List<FromClause> correlate, int fetchSize) {
        Select<Tuple> s = new Select<>(raw, froms, where, groupBy, having, orderBy, limit, offset, distinct, distinctOn,
                forUpdate, correlate, fetchSize);
        s.options = options;
        return s;
    }

    private static <X> List<X> plus(List<X> list, List<? extends X> more) {
        List<X> out = new ArrayList<>(list.size() + more.size());
        out.addAll(list);
        out.addAll(more);
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ builders

    /** Adds result columns. */
    public Select<Tuple> addColumns(ColumnsClauseRole... cols) {
        return reshaped(plus(raw, List.of(cols)), froms, where, groupBy, having, orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    /** Replaces the result columns, keeping everything else. */
    public Select<Tuple> withOnlyColumns(ColumnsClauseRole... cols) {
        return reshaped(List.of(cols), froms, where, groupBy, having, orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    /** Adds explicit FROM entries ({@code select_from}). */
    public Select<R> selectFrom(FromClause... from) {
        return with(raw, plus(froms, List.of(from)), where, groupBy, having, orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    /** Adds WHERE criteria, ANDed with any present. */
    @SafeVarargs
    public final Select<R> where(ColumnElement<Boolean>... criteria) {
        for (ColumnElement<Boolean> c : criteria) {
            FromClause.required(c, "where() criterion");
        }
        return with(raw, froms, plus(where, List.of(criteria)), groupBy, having, orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    /** Alias of {@link #where}. */
    @SafeVarargs
    public final Select<R> filter(ColumnElement<Boolean>... criteria) {
        return where(criteria);
    }

    /**
     * {@code column = value} criteria by column name, looked up in the last joined FROM entry (or the
     * first inferred one); an unknown name raises {@code NoSuchColumnError} naming the table, and a
     * value of the wrong Java type raises {@code ArgumentError} now, not at the database.
     */
    public Select<R> filterBy(Map<String, ?> criteria) {
        FromClause target = filterByTarget();
        List<ColumnElement<?>> crit = new ArrayList<>();
        for (Map.Entry<String, ?> e : criteria.entrySet()) {
            crit.add(target.c(e.getKey()).eqAny(e.getValue()));
        }
        return with(raw, froms, plus(where, crit), groupBy, having, orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    /** {@code filterBy("name", value)}: one criterion. */
    public Select<R> filterBy(String column, Object value) {
        return filterBy(Map.of(column, value));
    }

    private FromClause filterByTarget() {
        if (!froms.isEmpty()) {
            FromClause last = froms.get(froms.size() - 1);
            return last instanceof Join j ? j.right() : last;
        }
        Set<FromClause> inferred = inferredFroms();
        if (inferred.isEmpty()) {
            throw new ArgumentError("filterBy() needs a FROM entry to look columns up in; this select has none");
        }
        return inferred.iterator().next();
    }

    /**
     * Joins {@code right} onto the leftmost FROM entry (or the previous join): {@code FROM a JOIN b ON ...}.
     */
    public Select<R> join(FromClause right, ColumnElement<Boolean> on) {
        return joinImpl(right, on, false, false);
    }

    /** Join with the ON clause inferred from foreign keys. */
    public Select<R> join(FromClause right) {
        return joinImpl(right, null, false, false);
    }

    public Select<R> outerjoin(FromClause right, ColumnElement<Boolean> on) {
        return joinImpl(right, on, true, false);
    }

    public Select<R> outerjoin(FromClause right) {
        return joinImpl(right, null, true, false);
    }

    /** FULL OUTER JOIN (a CompileError on databases without it). */
    public Select<R> fullJoin(FromClause right, ColumnElement<Boolean> on) {
        return joinImpl(right, on, true, true);
    }

    private Select<R> joinImpl(FromClause right, ColumnElement<Boolean> on, boolean outer, boolean full) {
        List<FromClause> f = new ArrayList<>(froms);
        FromClause left;
        if (!f.isEmpty()) {
            left = f.remove(f.size() - 1);
        } else {
            Set<FromClause> inferred = inferredFroms();
            inferred.remove(right);
            if (inferred.isEmpty()) {
                throw new ArgumentError("join(): this select has no FROM entry to join " + right.describe() + " to");
            }
            left = inferred.iterator().next();
        }
        ColumnElement<?> cond = on != null ? on : Join.inferOn(left, right);
        f.add(new Join(left, right, cond, outer, full));
        return with(raw, List.copyOf(f), where, groupBy, having, orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    /**
     * {@code FROM left JOIN right ON ...} (SQLAlchemy's {@code join_from}): joins from {@code left}
     * explicitly rather than from the last FROM entry. When {@code left} is already part of an
     * explicit FROM entry, that entry is extended. The ON clause is inferred from foreign keys, also
     * through aliases (a table joined to its alias on a self-referencing key: the right side is
     * the referring one, {@code right.parent_id = left.id}).
     */
    public Select<R> joinFrom(FromClause left, FromClause right) {
        return joinFromImpl(left, right, null, false);
    }

    /** {@link #joinFrom(FromClause, FromClause)} with an explicit ON clause. */
    public Select<R> joinFrom(FromClause left, FromClause right, ColumnElement<Boolean> on) {
        return joinFromImpl(left, right, on, false);
    }

    /** LEFT OUTER JOIN from {@code left}. */
    public Select<R> outerjoinFrom(FromClause left, FromClause right, ColumnElement<Boolean> on) {
        return joinFromImpl(left, right, on, true);
    }

    private Select<R> joinFromImpl(FromClause left, FromClause right, ColumnElement<Boolean> on, boolean outer) {
        FromClause.required(left, "joinFrom() left side");
        FromClause.required(right, "joinFrom() right side");
        List<FromClause> f = new ArrayList<>(froms);
        int at = -1;
        for (int i = 0; i < f.size(); i++) {
            Set<FromClause> parts = new LinkedHashSet<>();
            f.get(i).collectSelfAndParts(parts);
            if (parts.contains(left)) {
                at = i;
                break;
            }
        }
        ColumnElement<?> cond = on != null ? on : Join.inferOn(left, right);
        if (at >= 0) {
            f.set(at, new Join(f.get(at), right, cond, outer, false));
        } else {
            f.add(new Join(left, right, cond, outer, false));
        }
        return with(raw, List.copyOf(f), where, groupBy, having, orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    public Select<R> groupBy(ColumnElement<?>... cols) {
        return with(raw, froms, where, plus(groupBy, List.of(cols)), having, orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    @SafeVarargs
    public final Select<R> having(ColumnElement<Boolean>... criteria) {
        return with(raw, froms, where, groupBy, plus(having, List.of(criteria)), orderBy, limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    /**
     * Adds ORDER BY items; use {@code col.desc()}, {@code col.asc().nullsLast()} for direction, and
     * {@code desc("n")} for a result column by its label (checked now).
     */
    public Select<R> orderBy(ColumnElement<?>... cols) {
        LabelReference.check(List.of(cols), columns);
        return with(raw, froms, where, groupBy, having, plus(orderBy, List.of(cols)), limit, offset, distinct,
                distinctOn, forUpdate, correlate, fetchSize);
    }

    /**
     * ORDER BY result columns by name, as SQLAlchemy's {@code order_by("City")}: a label or column
     * name of this SELECT (unknown names raise ArgumentError listing the known ones now).
     */
    public Select<R> orderBy(String... names) {
        ColumnElement<?>[] refs = new ColumnElement<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            refs[i] = new LabelReference(names[i]);
        }
        return orderBy(refs);
    }

    /** LIMIT, as a bound parameter (LIMIT/OFFSET, FETCH FIRST or TOP per dialect). */
    public Select<R> limit(int n) {
        if (n < 0) {
            throw new ArgumentError("limit must be >= 0, got " + n);
        }
        return with(raw, froms, where, groupBy, having, orderBy, BindParameter.coerced("param", n,
                org.jalchemy.types.IntegerType.INSTANCE), offset, distinct, distinctOn, forUpdate, correlate, fetchSize);
    }

    public Select<R> offset(int n) {
        if (n < 0) {
            throw new ArgumentError("offset must be >= 0, got " + n);
        }
        return with(raw, froms, where, groupBy, having, orderBy, limit, BindParameter.coerced("param", n,
                org.jalchemy.types.IntegerType.INSTANCE), distinct, distinctOn, forUpdate, correlate, fetchSize);
    }

    public Select<R> distinct() {
        return with(raw, froms, where, groupBy, having, orderBy, limit, offset, true, distinctOn, forUpdate,
                correlate, fetchSize);
    }

    /** PostgreSQL {@code DISTINCT ON (exprs)}; a CompileError elsewhere. */
    public Select<R> distinctOn(ColumnElement<?>... exprs) {
        return with(raw, froms, where, groupBy, having, orderBy, limit, offset, true, List.of(exprs), forUpdate,
                correlate, fetchSize);
    }

    public Select<R> forUpdate() {
        return forUpdate(false, false);
    }

    /**
     * {@code FOR UPDATE [NOWAIT | SKIP LOCKED]} (ignored on SQLite, which locks the whole database).
     * Tables named by an earlier {@link #forUpdateOf} are kept.
     */
    public Select<R> forUpdate(boolean nowait, boolean skipLocked) {
        List<FromClause> of = forUpdate == null ? List.of() : forUpdate.of();
        return with(raw, froms, where, groupBy, having, orderBy, limit, offset, distinct, distinctOn,
                new ForUpdate(nowait, skipLocked, false, of), correlate, fetchSize);
    }

    /**
     * {@code FOR UPDATE OF t, ...} (SQLAlchemy's {@code with_for_update(of=...)}): lock the rows of
     * these FROM entries only — in a join, the other tables' rows stay unlocked. Each entry renders
     * as the tables it is made of (a join or an ORM entity spread over several tables names all of
     * them; an alias, its name), without schema. Keeps NOWAIT/SKIP LOCKED given to
     * {@link #forUpdate(boolean, boolean)}. As SQLAlchemy does, PostgreSQL and MySQL 8 render
     * {@code OF}; MariaDB, which has no {@code FOR UPDATE OF}, gets a plain {@code FOR UPDATE}
     * (locking the rows of every table); SQLite renders no locking clause at all.
     */
    public Select<R> forUpdateOf(FromClause... tables) {
        if (tables.length == 0) {
            throw new ArgumentError("forUpdateOf() needs at least one table");
        }
        for (FromClause t : tables) {
            FromClause.required(t, "forUpdateOf() table");
        }
        ForUpdate f = forUpdate == null ? new ForUpdate(false, false, false) : forUpdate;
        return with(raw, froms, where, groupBy, having, orderBy, limit, offset, distinct, distinctOn,
                new ForUpdate(f.nowait(), f.skipLocked(), f.read(), List.of(tables)), correlate, fetchSize);
    }

    /** Correlates exactly these FROM entries with an enclosing SELECT (instead of automatic correlation). */
    public Select<R> correlate(FromClause... fromClauses) {
        return with(raw, froms, where, groupBy, having, orderBy, limit, offset, distinct, distinctOn, forUpdate,
                List.of(fromClauses), fetchSize);
    }

    /**
     * Attaches options for the executing layer (the ORM's loader options such as
     * {@code selectinload(User_.posts)}); they do not change the SQL or the cache key.
     */
    public Select<R> options(ExecutableOption... more) {
        Select<R> s = with(raw, froms, where, groupBy, having, orderBy, limit, offset, distinct, distinctOn, forUpdate,
                correlate, fetchSize);
        s.options = plus(options, java.util.Arrays.asList(more));
        return s;
    }

    /** This statement with exactly {@code replacement} as its options (a layer that consumed one passes the rest on). */
    public Select<R> withOptions(List<ExecutableOption> replacement) {
        Select<R> s = with(raw, froms, where, groupBy, having, orderBy, limit, offset, distinct, distinctOn, forUpdate,
                correlate, fetchSize);
        s.options = List.copyOf(replacement);
        return s;
    }

    /** The options given to {@link #options}, in order. */
    public List<ExecutableOption> executableOptions() {
        return options;
    }

    /** Streams results {@code n} rows per round trip (SQLAlchemy's {@code yield_per}); not part of the cache key. */
    public Select<R> yieldPer(int n) {
        return with(raw, froms, where, groupBy, having, orderBy, limit, offset, distinct, distinctOn, forUpdate,
                correlate, n);
    }

    // ------------------------------------------------------------------ accessors

    @Override
    public List<ColumnElement<?>> selectedColumns() {
        return columns;
    }

    @Override
    public int fetchSize() {
        return fetchSize;
    }

    public List<ColumnsClauseRole> rawColumns() {
        return raw;
    }

    public List<FromClause> explicitFroms() {
        return froms;
    }

    public List<ColumnElement<?>> whereCriteria() {
        return where;
    }

    public List<ColumnElement<?>> groupByClauses() {
        return groupBy;
    }

    public List<ColumnElement<?>> havingCriteria() {
        return having;
    }

    public List<ColumnElement<?>> orderByClauses() {
        return orderBy;
    }

    public BindParameter<Integer> limitClause() {
        return limit;
    }

    public BindParameter<Integer> offsetClause() {
        return offset;
    }

    public boolean isDistinct() {
        return distinct;
    }

    public List<ColumnElement<?>> distinctOnClauses() {
        return distinctOn;
    }

    public ForUpdate forUpdateClause() {
        return forUpdate;
    }

    List<FromClause> correlateClauses() {
        return correlate;
    }

    /** FROM entries implied by columns and WHERE/HAVING, in order of appearance, before correlation. */
    Set<FromClause> inferredFroms() {
        Set<FromClause> out = new LinkedHashSet<>();
        for (ColumnsClauseRole r : raw) {
            if (r instanceof FromClause f) {
                out.add(f);
            } else {
                ((ColumnElement<?>) r).collectFroms(out);
            }
        }
        for (ColumnElement<?> w : where) {
            w.collectFroms(out);
        }
        for (ColumnElement<?> h : having) {
            h.collectFroms(out);
        }
        return out;
    }

    /** All FROM entries: explicit ones first, then inferred ones not already inside them. */
    List<FromClause> allFroms() {
        Set<FromClause> covered = new LinkedHashSet<>();
        List<FromClause> out = new ArrayList<>();
        for (FromClause f : froms) {
            if (!covered.contains(f)) {
                out.add(f);
                f.collectSelfAndParts(covered);
            }
        }
        for (FromClause f : inferredFroms()) {
            if (!covered.contains(f)) {
                out.add(f);
                f.collectSelfAndParts(covered);
            }
        }
        return out;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitSelect(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Select.class).addAll(columns);
        k.addAll(allFroms()).addAll(where).addAll(groupBy).addAll(having).addAll(orderBy);
        k.add(limit).add(offset).add(distinct).addAll(distinctOn);
        if (forUpdate == null) {
            k.add((Object) null);
        } else {
            k.add(ForUpdate.class).add(forUpdate.nowait()).add(forUpdate.skipLocked()).add(forUpdate.read())
                    .addAll(forUpdate.of());
        }
        if (correlate != null) {
            k.addAll(correlate);
        } else {
            k.add("autocorrelate");
        }
    }
}
