package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A SQL function call {@code name(arg, ...)} (SQLAlchemy's {@code Function}), made through
 * {@link Sql#func}. The name is validated as a (possibly dotted) identifier; dialect compilers
 * may rename well-known functions. {@link #over} makes it a window function; {@link #filter}
 * adds an aggregate FILTER (WHERE ...).
 */
public final class FunctionElement<T> extends ColumnElement<T> {
    private final String name;
    private final List<ColumnElement<?>> args;
    private final SqlType<T> type;
    private final ColumnElement<?> filter;

    FunctionElement(String name, List<ColumnElement<?>> args, SqlType<T> type, ColumnElement<?> filter) {
        this.name = Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*")) {
            throw new org.jalchemy.exc.ArgumentError("Invalid SQL function name '" + name + "'");
        }
        this.args = List.copyOf(args);
        this.type = type;
        this.filter = filter;
    }

    /** The function name as given (e.g. {@code count}, {@code coalesce}). */
    public String functionName() {
        return name;
    }

    @Override
    public String name() {
        return name;
    }

    public List<ColumnElement<?>> args() {
        return args;
    }

    /** The aggregate filter, or null. */
    public ColumnElement<?> filterClause() {
        return filter;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    String bindKey() {
        return name;
    }

    /** {@code name(...) FILTER (WHERE condition)} (emulated with CASE where unsupported). */
    public FunctionElement<T> filter(ColumnElement<Boolean> condition) {
        return new FunctionElement<>(name, args, type, condition);
    }

    /** A window function: {@code name(...) OVER (...)}; see {@link Over}. */
    public Over<T> over() {
        return new Over<>(this, List.of(), List.of(), null);
    }

    /** {@code OVER (PARTITION BY ... ORDER BY ...)}. */
    public Over<T> over(List<? extends ColumnElement<?>> partitionBy, List<? extends ColumnElement<?>> orderBy) {
        return new Over<>(this, List.copyOf(partitionBy), List.copyOf(orderBy), null);
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitFunction(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(FunctionElement.class).add(name).add(type).addAll(args).add(filter);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        for (ColumnElement<?> a : args) {
            a.collectFroms(out);
        }
        if (filter != null) {
            filter.collectFroms(out);
        }
    }
}
