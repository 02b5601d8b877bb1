package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.types.NullType;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A SQL expression that yields a value of Java type {@code T} (SQLAlchemy's {@code ColumnElement}):
 * columns, literals, bound parameters, function calls, operators. The type parameter is what
 * makes {@code users.id.eq("x")} a javac error when {@code id} is a {@code Column<Integer>}.
 *
 * <p>Operators return new expression nodes; nothing is ever mutated. Plain Java values given to an
 * operator become bound parameters typed with this expression's type (so an {@code Integer}
 * column binds with {@code setInt}); they are never spliced into the SQL text.
 */
public abstract class ColumnElement<T> extends ClauseElement implements ColumnsClauseRole {

    /** The SQL type of the value, never null ({@code NullType} when unknown). */
    public abstract SqlType<T> type();

    /** Name used for bound parameters compared with this expression (the column name, else "param"). */
    String bindKey() {
        return "param";
    }

    /** A bound parameter for {@code value}, typed as this expression; checked against the type now. */
    BindParameter<T> bindValue(Object value) {
        return BindParameter.coerced(bindKey(), value, type());
    }

    private ColumnElement<?> operand(Object value) {
        if (value instanceof ColumnElement<?> e) {
            return e;
        }
        return bindValue(value);
    }

    private ColumnElement<Boolean> compare(Operator op, Object other) {
        return new BinaryExpression<>(this, op, operand(other), ExprTypes.BOOLEAN);
    }

    // ------------------------------------------------------------------ comparison

    /** {@code this = value}; a null value renders {@code IS NULL}. */
    public ColumnElement<Boolean> eq(T value) {
        return value == null ? isNull() : compare(Operator.EQ, value);
    }

    public ColumnElement<Boolean> eq(ColumnElement<? extends T> other) {
        return compare(Operator.EQ, other);
    }

    /** {@code this <> value}; a null value renders {@code IS NOT NULL}. */
    public ColumnElement<Boolean> ne(T value) {
        return value == null ? isNotNull() : compare(Operator.NE, value);
    }

    public ColumnElement<Boolean> ne(ColumnElement<? extends T> other) {
        return compare(Operator.NE, other);
    }

    public ColumnElement<Boolean> lt(T value) {
        return compare(Operator.LT, value);
    }

    public ColumnElement<Boolean> lt(ColumnElement<? extends T> other) {
        return compare(Operator.LT, other);
    }

    public ColumnElement<Boolean> le(T value) {
        return compare(Operator.LE, value);
    }

    public ColumnElement<Boolean> le(ColumnElement<? extends T> other) {
        return compare(Operator.LE, other);
    }

    public ColumnElement<Boolean> gt(T value) {
        return compare(Operator.GT, value);
    }

    public ColumnElement<Boolean> gt(ColumnElement<? extends T> other) {
        return compare(Operator.GT, other);
    }

    public ColumnElement<Boolean> ge(T value) {
        return compare(Operator.GE, value);
    }

    public ColumnElement<Boolean> ge(ColumnElement<? extends T> other) {
        return compare(Operator.GE, other);
    }

    /**
     * Comparison with a value that arrives untyped (e.g. from {@code filterBy} or a map): the value
     * is checked against this expression's type now, raising {@code ArgumentError} naming both.
     */
    public ColumnElement<Boolean> eqAny(Object value) {
        return value == null ? isNull() : compare(Operator.EQ, value);
    }

    /** {@code this IS NULL}. */
    public ColumnElement<Boolean> isNull() {
        return new UnaryExpression<>(this, UnaryExpression.Kind.IS_NULL, ExprTypes.BOOLEAN);
    }

    /** {@code this IS NOT NULL}. */
    public ColumnElement<Boolean> isNotNull() {
        return new UnaryExpression<>(this, UnaryExpression.Kind.IS_NOT_NULL, ExprTypes.BOOLEAN);
    }

    /** Null-safe inequality ({@code IS DISTINCT FROM}, or the dialect's equivalent). */
    public ColumnElement<Boolean> isDistinctFrom(T value) {
        return compare(Operator.IS_DISTINCT_FROM, value);
    }

    public ColumnElement<Boolean> isDistinctFrom(ColumnElement<? extends T> other) {
        return compare(Operator.IS_DISTINCT_FROM, other);
    }

    /** Null-safe equality ({@code IS NOT DISTINCT FROM}, or the dialect's equivalent). */
    public ColumnElement<Boolean> isNotDistinctFrom(T value) {
        return compare(Operator.IS_NOT_DISTINCT_FROM, value);
    }

    public ColumnElement<Boolean> isNotDistinctFrom(ColumnElement<? extends T> other) {
        return compare(Operator.IS_NOT_DISTINCT_FROM, other);
    }

    /** {@code this BETWEEN lo AND hi}. */
    public ColumnElement<Boolean> between(T lo, T hi) {
        return new Between(this, operand(lo), operand(hi), false);
    }

    public ColumnElement<Boolean> between(ColumnElement<? extends T> lo, ColumnElement<? extends T> hi) {
        return new Between(this, lo, hi, false);
    }

    public ColumnElement<Boolean> notBetween(T lo, T hi) {
        return new Between(this, operand(lo), operand(hi), true);
    }

    // ------------------------------------------------------------------ Java numbers of another width

    /*
     * javac cannot offer a method only when T is numeric, so these overloads exist on every
     * expression: an int, long or double literal is accepted where the column is a Long, BigDecimal,
     * Double... ({@code count().gt(100)}, {@code price.between(5, 10)}, {@code avg(x).div(1000.0)}),
     * converted now to the expression's Java type (exactly: 5.5 for an INTEGER column or a value out
     * of its range raises ArgumentError) and bound in its SQL type. Against a non-numeric type (a
     * string column) they raise ArgumentError naming both at once, when the statement is built.
     * An Integer column given an int literal picks these too; the bound value is the same Integer.
     */

    /** {@code n} as this expression's Java type (see the overloads above); unknown types keep it as is. */
    Object number(Number n) {
        Class<?> jt = type().javaType();
        if (jt == Object.class || jt.isInstance(n)) {
            return n;
        }
        boolean integral = !(n instanceof Double || n instanceof Float);
        try {
            java.math.BigDecimal d = integral ? java.math.BigDecimal.valueOf(n.longValue())
                    : java.math.BigDecimal.valueOf(n.doubleValue());
            if (jt == Long.class) {
                return d.longValueExact();
            } else if (jt == Integer.class) {
                return d.intValueExact();
            } else if (jt == Short.class) {
                return d.shortValueExact();
            } else if (jt == java.math.BigDecimal.class) {
                return d;
            } else if (jt == Double.class) {
                return n.doubleValue();
            } else if (jt == Float.class) {
                return n.floatValue();
            } else if (jt == java.math.BigInteger.class) {
                return d.toBigIntegerExact();
            }
        } catch (ArithmeticException e) {
            throw new ArgumentError("Value " + n + " cannot be bound as " + type() + " (expects " + jt.getName()
                    + "): not a whole number or out of range");
        }
        return n; // another type: its coerce() accepts the number or raises ArgumentError naming both
    }

    public ColumnElement<Boolean> eq(int value) {
        return compare(Operator.EQ, number(value));
    }

    public ColumnElement<Boolean> eq(long value) {
        return compare(Operator.EQ, number(value));
    }

    public ColumnElement<Boolean> eq(double value) {
        return compare(Operator.EQ, number(value));
    }

    public ColumnElement<Boolean> ne(int value) {
        return compare(Operator.NE, number(value));
    }

    public ColumnElement<Boolean> ne(long value) {
        return compare(Operator.NE, number(value));
    }

    public ColumnElement<Boolean> ne(double value) {
        return compare(Operator.NE, number(value));
    }

    public ColumnElement<Boolean> lt(int value) {
        return compare(Operator.LT, number(value));
    }

    public ColumnElement<Boolean> lt(long value) {
        return compare(Operator.LT, number(value));
    }

    public ColumnElement<Boolean> lt(double value) {
        return compare(Operator.LT, number(value));
    }

    public ColumnElement<Boolean> le(int value) {
        return compare(Operator.LE, number(value));
    }

    public ColumnElement<Boolean> le(long value) {
        return compare(Operator.LE, number(value));
    }

    public ColumnElement<Boolean> le(double value) {
        return compare(Operator.LE, number(value));
    }

    public ColumnElement<Boolean> gt(int value) {
        return compare(Operator.GT, number(value));
    }

    public ColumnElement<Boolean> gt(long value) {
        return compare(Operator.GT, number(value));
    }

    public ColumnElement<Boolean> gt(double value) {
        return compare(Operator.GT, number(value));
    }

    public ColumnElement<Boolean> ge(int value) {
        return compare(Operator.GE, number(value));
    }

    public ColumnElement<Boolean> ge(long value) {
        return compare(Operator.GE, number(value));
    }

    public ColumnElement<Boolean> ge(double value) {
        return compare(Operator.GE, number(value));
    }

    public ColumnElement<Boolean> between(int lo, int hi) {
        return new Between(this, operand(number(lo)), operand(number(hi)), false);
    }

    public ColumnElement<Boolean> notBetween(int lo, int hi) {
        return new Between(this, operand(number(lo)), operand(number(hi)), true);
    }

    public ColumnElement<Boolean> between(long lo, long hi) {
        return new Between(this, operand(number(lo)), operand(number(hi)), false);
    }

    public ColumnElement<Boolean> notBetween(long lo, long hi) {
        return new Between(this, operand(number(lo)), operand(number(hi)), true);
    }

    public ColumnElement<Boolean> between(double lo, double hi) {
        return new Between(this, operand(number(lo)), operand(number(hi)), false);
    }

    public ColumnElement<Boolean> notBetween(double lo, double hi) {
        return new Between(this, operand(number(lo)), operand(number(hi)), true);
    }

    public ColumnElement<T> add(int value) {
        return arith(Operator.ADD, number(value));
    }

    public ColumnElement<T> add(long value) {
        return arith(Operator.ADD, number(value));
    }

    public ColumnElement<T> add(double value) {
        return arith(Operator.ADD, number(value));
    }

    public ColumnElement<T> sub(int value) {
        return arith(Operator.SUB, number(value));
    }

    public ColumnElement<T> sub(long value) {
        return arith(Operator.SUB, number(value));
    }

    public ColumnElement<T> sub(double value) {
        return arith(Operator.SUB, number(value));
    }

    public ColumnElement<T> mul(int value) {
        return arith(Operator.MUL, number(value));
    }

    public ColumnElement<T> mul(long value) {
        return arith(Operator.MUL, number(value));
    }

    public ColumnElement<T> mul(double value) {
        return arith(Operator.MUL, number(value));
    }

    public ColumnElement<T> div(int value) {
        return arith(Operator.DIV, number(value));
    }

    public ColumnElement<T> div(long value) {
        return arith(Operator.DIV, number(value));
    }

    public ColumnElement<T> div(double value) {
        return arith(Operator.DIV, number(value));
    }

    public ColumnElement<T> mod(int value) {
        return arith(Operator.MOD, number(value));
    }

    public ColumnElement<T> mod(long value) {
        return arith(Operator.MOD, number(value));
    }

    public ColumnElement<T> mod(double value) {
        return arith(Operator.MOD, number(value));
    }

    // ------------------------------------------------------------------ IN

    /**
     * {@code this IN (values)}. An empty collection renders an always-false predicate; long lists
     * are padded to a power-of-two length (repeating the last value) so few statement shapes are
     * cached, and split where a database limits the length of one IN list.
     */
    public ColumnElement<Boolean> in(Collection<? extends T> values) {
        return new InList(this, binds(values), null, false);
    }

    @SafeVarargs
    public final ColumnElement<Boolean> in(T... values) {
        return in(Arrays.asList(values));
    }

    /** {@code this IN (SELECT ...)}; the select must return one column. */
    public ColumnElement<Boolean> in(SelectBase subquery) {
        return new InList(this, List.of(), subquery, false);
    }

    /** {@code this NOT IN (values)}; an empty collection renders an always-true predicate. */
    public ColumnElement<Boolean> notIn(Collection<? extends T> values) {
        return new InList(this, binds(values), null, true);
    }

    @SafeVarargs
    public final ColumnElement<Boolean> notIn(T... values) {
        return notIn(Arrays.asList(values));
    }

    public ColumnElement<Boolean> notIn(SelectBase subquery) {
        return new InList(this, List.of(), subquery, true);
    }

    private List<ColumnElement<?>> binds(Collection<?> values) {
        List<ColumnElement<?>> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(operand(v));
        }
        return out;
    }

    // ------------------------------------------------------------------ strings

    /** {@code this LIKE pattern}. */
    public ColumnElement<Boolean> like(String pattern) {
        return new BinaryExpression<>(this, Operator.LIKE, BindParameter.of(bindKey(), pattern), ExprTypes.BOOLEAN);
    }

    /** {@code this LIKE pattern ESCAPE 'c'}. */
    public ColumnElement<Boolean> like(String pattern, char escape) {
        return new BinaryExpression<>(this, Operator.LIKE, BindParameter.of(bindKey(), pattern), ExprTypes.BOOLEAN)
                .withEscape(escape);
    }

    public ColumnElement<Boolean> notLike(String pattern) {
        return new BinaryExpression<>(this, Operator.NOT_LIKE, BindParameter.of(bindKey(), pattern), ExprTypes.BOOLEAN);
    }

    /** Case-insensitive LIKE: {@code ILIKE} on PostgreSQL, {@code lower(x) LIKE lower(y)} elsewhere. */
    public ColumnElement<Boolean> ilike(String pattern) {
        return new BinaryExpression<>(this, Operator.ILIKE, BindParameter.of(bindKey(), pattern), ExprTypes.BOOLEAN);
    }

    public ColumnElement<Boolean> ilike(String pattern, char escape) {
        return new BinaryExpression<>(this, Operator.ILIKE, BindParameter.of(bindKey(), pattern), ExprTypes.BOOLEAN)
                .withEscape(escape);
    }

    public ColumnElement<Boolean> notIlike(String pattern) {
        return new BinaryExpression<>(this, Operator.NOT_ILIKE, BindParameter.of(bindKey(), pattern), ExprTypes.BOOLEAN);
    }

    /** {@code LIKE 'prefix%'} with {@code %}, {@code _} and {@code /} in {@code prefix} escaped. */
    public ColumnElement<Boolean> startsWith(String prefix) {
        return like(escapeLike(prefix) + "%", '/');
    }

    /** {@code LIKE '%suffix'} with wildcards in {@code suffix} escaped. */
    public ColumnElement<Boolean> endsWith(String suffix) {
        return like("%" + escapeLike(suffix), '/');
    }

    /** {@code LIKE '%part%'} with wildcards in {@code part} escaped. */
    public ColumnElement<Boolean> contains(String part) {
        return like("%" + escapeLike(part) + "%", '/');
    }

    private static String escapeLike(String s) {
        return s.replace("/", "//").replace("%", "/%").replace("_", "/_");
    }

    /** String concatenation ({@code ||}, or {@code concat()} on MySQL). */
    public ColumnElement<String> concat(Object other) {
        ColumnElement<?> right = other instanceof ColumnElement<?> e ? e : BindParameter.of(bindKey(), other);
        return new BinaryExpression<>(this, Operator.CONCAT, right, ExprTypes.stringOf(type()));
    }

    /** {@code this COLLATE name}; the collation name is an identifier, quoted when needed. */
    public ColumnElement<T> collate(String collation) {
        return new Collate<>(this, collation);
    }

    // ------------------------------------------------------------------ arithmetic

    public ColumnElement<T> add(T value) {
        return arith(Operator.ADD, value);
    }

    public ColumnElement<T> add(ColumnElement<? extends T> other) {
        return arith(Operator.ADD, other);
    }

    public ColumnElement<T> sub(T value) {
        return arith(Operator.SUB, value);
    }

    public ColumnElement<T> sub(ColumnElement<? extends T> other) {
        return arith(Operator.SUB, other);
    }

    public ColumnElement<T> mul(T value) {
        return arith(Operator.MUL, value);
    }

    public ColumnElement<T> mul(ColumnElement<? extends T> other) {
        return arith(Operator.MUL, other);
    }

    public ColumnElement<T> div(T value) {
        return arith(Operator.DIV, value);
    }

    public ColumnElement<T> div(ColumnElement<? extends T> other) {
        return arith(Operator.DIV, other);
    }

    public ColumnElement<T> mod(T value) {
        return arith(Operator.MOD, value);
    }

    public ColumnElement<T> mod(ColumnElement<? extends T> other) {
        return arith(Operator.MOD, other);
    }

    /** Unary minus. */
    public ColumnElement<T> neg() {
        return new UnaryExpression<>(this, UnaryExpression.Kind.NEG, type());
    }

    private ColumnElement<T> arith(Operator op, Object other) {
        return new BinaryExpression<>(this, op, operand(other), type());
    }

    /** A custom binary operator, e.g. {@code op("->>", key)} (the operator text is not escaped: use literals only). */
    public <R> ColumnElement<R> op(String operator, Object other, SqlType<R> resultType) {
        if (!operator.matches("[^\\w\\s'\";]{1,8}|[A-Za-z_ ]{1,30}")) {
            throw new ArgumentError("Invalid custom operator " + operator);
        }
        return new BinaryExpression<>(this, Operator.custom(operator), operand(other), resultType);
    }

    // ------------------------------------------------------------------ modifiers

    /** {@code this ASC} for ORDER BY. */
    public Ordering<T> asc() {
        return new Ordering<>(this, false, null);
    }

    /** {@code this DESC} for ORDER BY. */
    public Ordering<T> desc() {
        return new Ordering<>(this, true, null);
    }

    /** {@code this NULLS FIRST} (emulated where the database lacks it). */
    public Ordering<T> nullsFirst() {
        return new Ordering<>(this, null, true);
    }

    /** {@code this NULLS LAST} (emulated where the database lacks it). */
    public Ordering<T> nullsLast() {
        return new Ordering<>(this, null, false);
    }

    /** {@code DISTINCT this}, e.g. inside {@code func.count(...)}. */
    public ColumnElement<T> distinct() {
        return new UnaryExpression<>(this, UnaryExpression.Kind.DISTINCT, type());
    }

    /** {@code this AS name}. */
    public Label<T> label(String name) {
        return new Label<>(name, this);
    }

    /** {@code CAST(this AS type)}. */
    public <R> ColumnElement<R> cast(SqlType<R> type) {
        return new Cast<>(this, type);
    }

    /** The expression's name in a result row: the column or label name, or null for anonymous expressions. */
    public String name() {
        return null;
    }

    @Override
    public String toString() {
        return SqlCompiler.render(this);
    }

    /** Converts an untyped value or expression into an expression (values become NullType-bound parameters). */
    static ColumnElement<?> coerce(Object v) {
        if (v instanceof ColumnElement<?> e) {
            return e;
        }
        if (v instanceof SelectBase s) {
            return s.scalarSubquery();
        }
        return BindParameter.of("param", v);
    }

    static SqlType<Object> nullType() {
        return NullType.INSTANCE;
    }
}
