package org.jalchemy.sql;

import org.jalchemy.types.IntegerType;
import org.jalchemy.types.SqlType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLAlchemy's {@code func}: {@code func.count(users.id)}, {@code func.max(users.id)}, and the
 * common functions typed by their arguments ({@code round}, {@code coalesce}, {@code lower},
 * {@code nullif}, ...); {@code func.call("my_fn", type, args...)} for any other function, typed by
 * the given {@code SqlType} ({@code func.call("name", args...)} leaves the result untyped). Plain values given as
 * arguments become bound parameters. Result types follow SQL: {@code count} is a Long,
 * {@code avg} a BigDecimal, {@code sum/min/max/coalesce} keep the argument's type.
 */
public final class Func {
    Func() {
    }

    private static List<ColumnElement<?>> args(Object... args) {
        List<ColumnElement<?>> out = new ArrayList<>(args.length);
        for (Object a : args) {
            out.add(ColumnElement.coerce(a));
        }
        return out;
    }

    /** {@code count(*)}. */
    public FunctionElement<Long> count() {
        return new FunctionElement<>("count", List.of(new Keyword<>(Keyword.Kind.STAR, ColumnElement.nullType())),
                ExprTypes.LONG, null);
    }

    /** {@code count(expr)}; use {@code expr.distinct()} for {@code count(DISTINCT expr)}. */
    public FunctionElement<Long> count(ColumnElement<?> expr) {
        return new FunctionElement<>("count", List.of(expr), ExprTypes.LONG, null);
    }

    public <T> FunctionElement<T> sum(ColumnElement<T> expr) {
        return new FunctionElement<>("sum", List.of(expr), expr.type(), null);
    }

    public FunctionElement<BigDecimal> avg(ColumnElement<?> expr) {
        return new FunctionElement<>("avg", List.of(expr), ExprTypes.DECIMAL, null);
    }

    public <T> FunctionElement<T> min(ColumnElement<T> expr) {
        return new FunctionElement<>("min", List.of(expr), expr.type(), null);
    }

    public <T> FunctionElement<T> max(ColumnElement<T> expr) {
        return new FunctionElement<>("max", List.of(expr), expr.type(), null);
    }

    /** {@code coalesce(expr, fallback...)}: the first non-null. */
    public <T> FunctionElement<T> coalesce(ColumnElement<T> expr, Object... fallbacks) {
        List<ColumnElement<?>> a = new ArrayList<>();
        a.add(expr);
        for (Object f : fallbacks) {
            a.add(f instanceof ColumnElement<?> e ? e : expr.bindValue(f));
        }
        return new FunctionElement<>("coalesce", a, expr.type(), null);
    }

    public FunctionElement<String> lower(ColumnElement<String> expr) {
        return new FunctionElement<>("lower", List.of(expr), expr.type(), null);
    }

    public FunctionElement<String> upper(ColumnElement<String> expr) {
        return new FunctionElement<>("upper", List.of(expr), expr.type(), null);
    }

    /** Character length ({@code length}, or {@code char_length} on MySQL). */
    public FunctionElement<Integer> charLength(ColumnElement<String> expr) {
        return new FunctionElement<>("char_length", List.of(expr), IntegerType.INSTANCE, null);
    }

    /** {@code round(expr)}: the argument's type. */
    public <T> FunctionElement<T> round(ColumnElement<T> expr) {
        return new FunctionElement<>("round", List.of(expr), expr.type(), null);
    }

    /** {@code round(expr, digits)}: the argument's type. */
    public <T> FunctionElement<T> round(ColumnElement<T> expr, int digits) {
        return new FunctionElement<>("round", List.of(expr, ColumnElement.coerce(digits)), expr.type(), null);
    }

    /** {@code nullif(expr, value)}: null where {@code expr} equals the value, else {@code expr}. */
    public <T> FunctionElement<T> nullif(ColumnElement<T> expr, Object value) {
        ColumnElement<?> v = value instanceof ColumnElement<?> e ? e : expr.bindValue(value);
        return new FunctionElement<>("nullif", List.of(expr, v), expr.type(), null);
    }

    /** {@code trim(expr)}: surrounding spaces removed. */
    public FunctionElement<String> trim(ColumnElement<String> expr) {
        return new FunctionElement<>("trim", List.of(expr), expr.type(), null);
    }

    /** {@code replace(expr, from, to)}. */
    public FunctionElement<String> replace(ColumnElement<String> expr, String from, String to) {
        return new FunctionElement<>("replace", List.of(expr, expr.bindValue(from), expr.bindValue(to)), expr.type(),
                null);
    }

    /** {@code substr(expr, start, length)}, 1-based (every supported database has {@code substr}). */
    public FunctionElement<String> substr(ColumnElement<String> expr, int start, int length) {
        return new FunctionElement<>("substr", List.of(expr, ColumnElement.coerce(start), ColumnElement.coerce(length)),
                expr.type(), null);
    }

    public <T> FunctionElement<T> abs(ColumnElement<T> expr) {
        return new FunctionElement<>("abs", List.of(expr), expr.type(), null);
    }

    /** The current timestamp ({@code now()} / {@code CURRENT_TIMESTAMP}). */
    public FunctionElement<Object> now() {
        return new FunctionElement<>("now", List.of(), ColumnElement.nullType(), null);
    }

    public FunctionElement<Object> currentTimestamp() {
        return new FunctionElement<>("current_timestamp", List.of(), ColumnElement.nullType(), null);
    }

    public FunctionElement<Long> rowNumber() {
        return new FunctionElement<>("row_number", List.of(), ExprTypes.LONG, null);
    }

    public FunctionElement<Long> rank() {
        return new FunctionElement<>("rank", List.of(), ExprTypes.LONG, null);
    }

    public FunctionElement<Long> denseRank() {
        return new FunctionElement<>("dense_rank", List.of(), ExprTypes.LONG, null);
    }

    /** Any function, with a declared result type. */
    public <T> FunctionElement<T> call(String name, SqlType<T> type, Object... args) {
        return new FunctionElement<>(name, args(args), type, null);
    }

    /** Any function whose result type is unknown (values come back as the driver returns them). */
    public FunctionElement<Object> call(String name, Object... args) {
        return new FunctionElement<>(name, args(args), ColumnElement.nullType(), null);
    }
}
