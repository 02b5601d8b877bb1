package org.jalchemy.sql;

import org.jalchemy.types.NullType;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CASE WHEN cond THEN value ... ELSE value END}, built with {@link Sql#case_}:
 * {@code case_().when(users.id.eq(1), "one").else_("other")}. Immutable builder: every call
 * returns a new Case. The result type is the first THEN value's expression type.
 */
public final class Case<T> extends ColumnElement<T> {
    private final List<ColumnElement<?>> conditions;
    private final List<ColumnElement<?>> results;
    private final ColumnElement<?> elseValue;
    private final SqlType<T> type;

    Case(List<ColumnElement<?>> conditions, List<ColumnElement<?>> results, ColumnElement<?> elseValue, SqlType<T> type) {
        this.conditions = conditions;
        this.results = results;
        this.elseValue = elseValue;
        this.type = type;
    }

    @SuppressWarnings("unchecked")
    static Case<Object> empty() {
        return new Case<>(List.of(), List.of(), null, (SqlType<Object>) (SqlType<?>) NullType.INSTANCE);
    }

    /** Adds {@code WHEN condition THEN result} (a value or an expression). */
    @SuppressWarnings("unchecked")
    public <R> Case<R> when(ColumnElement<Boolean> condition, Object result) {
        List<ColumnElement<?>> c = new ArrayList<>(conditions);
        List<ColumnElement<?>> r = new ArrayList<>(results);
        c.add(condition);
        ColumnElement<?> res = ColumnElement.coerce(result);
        r.add(res);
        SqlType<R> t = results.isEmpty() || type instanceof NullType ? (SqlType<R>) res.type() : (SqlType<R>) type;
        return new Case<>(List.copyOf(c), List.copyOf(r), elseValue, t);
    }

    /**
     * Adds {@code WHEN condition THEN result} for a result of this CASE's type, keeping it typed:
     * {@code case_(x.ge(4000), literal("high", string(10))).when(x.ge(3000), literal("mid", string(10)))}
     * stays a {@code Case<String>}.
     */
    @SuppressWarnings("unchecked")
    public Case<T> when(ColumnElement<Boolean> condition, ColumnElement<? extends T> result) {
        return (Case<T>) this.<Object>when(condition, (Object) result);
    }

    /** Sets {@code ELSE value}. */
    public Case<T> else_(Object value) {
        return new Case<>(conditions, results, ColumnElement.coerce(value), type);
    }

    public List<ColumnElement<?>> conditions() {
        return conditions;
    }

    public List<ColumnElement<?>> results() {
        return results;
    }

    public ColumnElement<?> elseValue() {
        return elseValue;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitCase(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Case.class).add(type).addAll(conditions).addAll(results).add(elseValue);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        for (ColumnElement<?> e : conditions) {
            e.collectFroms(out);
        }
        for (ColumnElement<?> e : results) {
            e.collectFroms(out);
        }
        if (elseValue != null) {
            elseValue.collectFroms(out);
        }
    }
}
