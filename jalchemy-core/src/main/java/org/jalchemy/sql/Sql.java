package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.types.NullType;
import org.jalchemy.types.SqlType;

import java.util.Arrays;
import java.util.List;

/**
 * Static entry points of the SQL expression language; {@code import static org.jalchemy.sql.Sql.*}:
 * {@code select}, {@code insert}, {@code update}, {@code delete}, {@code and}/{@code or}/{@code not},
 * {@code func}, {@code case_}, {@code cast}, {@code literal}, {@code exists}, {@code union}...,
 * {@code text}, and the lightweight {@code table()}/{@code column()} constructs.
 */
public final class Sql {
    private Sql() {
    }

    /** SQL functions: {@code func.count(users.id)}, {@code func.call("name", args)}. */
    public static final Func func = new Func();

    /** Literal SQL with {@code :name} bind parameters; see {@link TextClause}. */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }

    // ------------------------------------------------------------------ statements

    /**
     * {@code SELECT a}: one typed column, a {@code Select<Row1<A>>} ({@code scalar(select(func.count()))}
     * is a Long). One to eight column expressions give a {@code Select<RowN<...>>} typed by their
     * declared types; tables, mixtures with tables, more columns and lists give the untyped
     * {@code Select<Tuple>} of {@link #select(ColumnsClauseRole...)}. See {@link Row1}.
     */
    public static <A> Select<Row1<A>> select(ColumnElement<A> a) {
        return Select.of(Arrays.asList(a));
    }

    public static <A, B> Select<Row2<A, B>> select(ColumnElement<A> a, ColumnElement<B> b) {
        return Select.of(Arrays.asList(a, b));
    }

    public static <A, B, C> Select<Row3<A, B, C>> select(ColumnElement<A> a, ColumnElement<B> b, ColumnElement<C> c) {
        return Select.of(Arrays.asList(a, b, c));
    }

    public static <A, B, C, D> Select<Row4<A, B, C, D>> select(ColumnElement<A> a, ColumnElement<B> b, ColumnElement<C> c, ColumnElement<D> d) {
        return Select.of(Arrays.asList(a, b, c, d));
    }

    public static <A, B, C, D, E> Select<Row5<A, B, C, D, E>> select(ColumnElement<A> a, ColumnElement<B> b, ColumnElement<C> c, ColumnElement<D> d, ColumnElement<E> e) {
        return Select.of(Arrays.asList(a, b, c, d, e));
    }

    public static <A, B, C, D, E, F> Select<Row6<A, B, C, D, E, F>> select(ColumnElement<A> a, ColumnElement<B> b, ColumnElement<C> c, ColumnElement<D> d, ColumnElement<E> e, ColumnElement<F> f) {
        return Select.of(Arrays.asList(a, b, c, d, e, f));
    }

    public static <A, B, C, D, E, F, G> Select<Row7<A, B, C, D, E, F, G>> select(ColumnElement<A> a, ColumnElement<B> b, ColumnElement<C> c, ColumnElement<D> d, ColumnElement<E> e, ColumnElement<F> f, ColumnElement<G> g) {
        return Select.of(Arrays.asList(a, b, c, d, e, f, g));
    }

    public static <A, B, C, D, E, F, G, H> Select<Row8<A, B, C, D, E, F, G, H>> select(ColumnElement<A> a, ColumnElement<B> b, ColumnElement<C> c, ColumnElement<D> d, ColumnElement<E> e, ColumnElement<F> f, ColumnElement<G> g, ColumnElement<H> h) {
        return Select.of(Arrays.asList(a, b, c, d, e, f, g, h));
    }

    /**
     * {@code SELECT columns}: columns, expressions, or tables (all their columns), untyped
     * ({@code Select<Tuple>}): the path for statements whose columns are chosen at run time.
     */
    public static Select<Tuple> select(ColumnsClauseRole... columns) {
        return Select.of(Arrays.asList(columns));
    }

    /** As {@link #select(ColumnsClauseRole...)} from a list built at run time. */
    public static Select<Tuple> select(List<? extends ColumnsClauseRole> columns) {
        return Select.of(columns);
    }

    public static Insert insert(TableClause table) {
        return Insert.into(table);
    }

    public static Update update(TableClause table) {
        return Update.of(table);
    }

    public static Delete delete(TableClause table) {
        return Delete.of(table);
    }

    public static CompoundSelect union(SelectBase first, SelectBase... others) {
        return first.union(others);
    }

    public static CompoundSelect unionAll(SelectBase first, SelectBase... others) {
        return first.unionAll(others);
    }

    public static CompoundSelect intersect(SelectBase first, SelectBase... others) {
        return first.intersect(others);
    }

    public static CompoundSelect except(SelectBase first, SelectBase... others) {
        return first.except(others);
    }

    /**
     * {@code EXISTS (SELECT * ...)} to be completed with {@code .where(...)}, as SQLAlchemy's
     * {@code exists().where(...)}; see {@link Exists}.
     */
    public static Exists exists() {
        return new Exists(Select.of(List.of(star())));
    }

    /** {@code EXISTS (select)}. */
    public static ColumnElement<Boolean> exists(SelectBase select) {
        return select.exists();
    }

    // ------------------------------------------------------------------ boolean operators

    /** {@code a AND b AND ...}; null items are skipped, none at all is TRUE. */
    @SafeVarargs
    public static ColumnElement<Boolean> and(ColumnElement<Boolean>... clauses) {
        return BooleanClauseList.of(true, Arrays.asList(clauses));
    }

    public static ColumnElement<Boolean> and(List<? extends ColumnElement<Boolean>> clauses) {
        return BooleanClauseList.of(true, clauses);
    }

    /** {@code a OR b OR ...}; none at all is FALSE. */
    @SafeVarargs
    public static ColumnElement<Boolean> or(ColumnElement<Boolean>... clauses) {
        return BooleanClauseList.of(false, Arrays.asList(clauses));
    }

    public static ColumnElement<Boolean> or(List<? extends ColumnElement<Boolean>> clauses) {
        return BooleanClauseList.of(false, clauses);
    }

    /** {@code NOT clause}. */
    public static ColumnElement<Boolean> not(ColumnElement<Boolean> clause) {
        return new UnaryExpression<>(FromClause.required(clause, "not() clause"), UnaryExpression.Kind.NOT,
                ExprTypes.BOOLEAN);
    }

    // ------------------------------------------------------------------ expressions

    /** A bound value as an expression, its type inferred by the driver. */
    public static ColumnElement<Object> literal(Object value) {
        return BindParameter.of("param", value);
    }

    /** A bound value with a declared type. */
    public static <T> ColumnElement<T> literal(T value, SqlType<T> type) {
        return BindParameter.coerced("param", value, type);
    }

    /** A named bound parameter, filled from the execution parameters. */
    public static <T> BindParameter<T> bindparam(String name, SqlType<T> type) {
        return BindParameter.named(name, type);
    }

    /** A named bound parameter with a value the execution parameters may override. */
    public static <T> BindParameter<T> bindparam(String name, T value, SqlType<T> type) {
        return BindParameter.named(name, value, type);
    }

    /** A named bound parameter of unknown type. */
    public static BindParameter<Object> bindparam(String name) {
        return BindParameter.named(name, NullType.INSTANCE);
    }

    /** Literal SQL text used as a column expression (not escaped: never pass user input). */
    public static ColumnElement<Object> literalColumn(String sql) {
        return new LiteralColumn<>(sql, NullType.INSTANCE);
    }

    public static <T> ColumnElement<T> literalColumn(String sql, SqlType<T> type) {
        return new LiteralColumn<>(sql, type);
    }

    /** {@code CAST(expr AS type)}. */
    public static <T> ColumnElement<T> cast(ColumnElement<?> expr, SqlType<T> type) {
        return new Cast<>(expr, type);
    }

    /** {@code CASE WHEN ... END}: {@code case_().when(cond, value).else_(value)}. */
    public static Case<Object> case_() {
        return Case.empty();
    }

    /**
     * {@code CASE WHEN condition THEN result ...}, typed by its first result: further
     * {@code when(cond, expr)} calls keep the type, {@code else_(value)} binds a plain value.
     */
    @SuppressWarnings("unchecked")
    public static <R> Case<R> case_(ColumnElement<Boolean> condition, ColumnElement<R> result) {
        return (Case<R>) Case.empty().when(condition, (Object) result);
    }

    /** The value an upsert tried to insert into {@code column} ({@code excluded.col} / {@code VALUES(col)}). */
    public static <T> ColumnElement<T> excluded(ColumnClause<T> column) {
        return new Excluded<>(column);
    }

    public static ColumnElement<Object> null_() {
        return new Keyword<>(Keyword.Kind.NULL, NullType.INSTANCE);
    }

    public static ColumnElement<Boolean> true_() {
        return new Keyword<>(Keyword.Kind.TRUE, ExprTypes.BOOLEAN);
    }

    public static ColumnElement<Boolean> false_() {
        return new Keyword<>(Keyword.Kind.FALSE, ExprTypes.BOOLEAN);
    }

    /** {@code *} as a select column. */
    public static ColumnElement<Object> star() {
        return new Keyword<>(Keyword.Kind.STAR, NullType.INSTANCE);
    }

    public static <T> Ordering<T> asc(ColumnElement<T> e) {
        return e.asc();
    }

    public static <T> Ordering<T> desc(ColumnElement<T> e) {
        return e.desc();
    }

    /** ORDER BY a result column by name, ascending: {@code orderBy(asc("n"))}. */
    public static Ordering<Object> asc(String resultColumn) {
        return new LabelReference(resultColumn).asc();
    }

    /** ORDER BY a result column by name, descending: {@code orderBy(desc("n"))} for {@code count().label("n")}. */
    public static Ordering<Object> desc(String resultColumn) {
        return new LabelReference(resultColumn).desc();
    }

    public static <T> Ordering<T> nullsFirst(ColumnElement<T> e) {
        return e.nullsFirst();
    }

    public static <T> Ordering<T> nullsLast(ColumnElement<T> e) {
        return e.nullsLast();
    }

    public static <T> ColumnElement<T> distinct(ColumnElement<T> e) {
        return e.distinct();
    }

    // ------------------------------------------------------------------ lightweight tables

    /** A bare column, to be given to {@link #table}: {@code column("id", IntegerType.INSTANCE)}. */
    public static <T> ColumnClause<T> column(String name, SqlType<T> type) {
        return new ColumnClause<>(name, type, null);
    }

    /** A bare column of unknown type. */
    public static ColumnClause<Object> column(String name) {
        return new ColumnClause<>(name, NullType.INSTANCE, null);
    }

    /**
     * A lightweight table (no MetaData, no DDL): {@code table("users", column("id", IntegerType.INSTANCE))}.
     * The given columns are copied and bound to the table; get them back with {@code users.c("id")}
     * or, typed, {@code users.c(idColumn)}.
     */
    public static TableClause table(String name, ColumnClause<?>... columns) {
        return tableIn(null, name, columns);
    }

    /** A lightweight table in {@code schema}. */
    public static TableClause tableIn(String schema, String name, ColumnClause<?>... columns) {
        for (ColumnClause<?> c : columns) {
            if (c.table() != null) {
                throw new ArgumentError("Column " + c + " already belongs to a table; pass bare column() objects");
            }
        }
        return new TableClause(name, schema, List.of(columns), List.of());
    }
}
