package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.NoSuchColumnError;

import java.util.List;
import java.util.Set;

/**
 * Something rows can be selected FROM: a table, a join, an alias, a subquery
 * (SQLAlchemy's {@code FromClause}). Immutable; identity matters: the same table object used twice
 * in a statement is one FROM entry, two aliases of it are two.
 */
public abstract class FromClause extends ClauseElement implements ColumnsClauseRole {

    /** The columns this FROM clause exports, in order. */
    public abstract List<? extends ColumnClause<?>> columns();

    /**
     * The exported column called {@code name}; raises {@code NoSuchColumnError} naming this FROM
     * clause. A name is known only at run time, so the column's Java type is whatever the caller
     * uses it as ({@code cte.c("total").gt(100)}, {@code users.c(ID).eq(sq.c("user_id"))}): values
     * compared with it are still checked and bound by its real SQL type when the statement is built.
     * {@link #c(String, Class)} checks the type instead.
     */
    @SuppressWarnings("unchecked")
    public <T> ColumnClause<T> c(String name) {
        for (ColumnClause<?> col : columns()) {
            if (col.name().equals(name)) {
                return (ColumnClause<T>) col;
            }
        }
        throw new NoSuchColumnError("No column '" + name + "' in " + describe() + "; its columns are "
                + columns().stream().map(ColumnClause::name).toList());
    }

    /**
     * The exported column called {@code name}, checked to hold {@code type} values (its SQL type's
     * Java type, or untyped): {@code select(cte.c("n", Long.class))} is a {@code Select<Row1<Long>>}.
     */
    @SuppressWarnings("unchecked")
    public <T> ColumnClause<T> c(String name, Class<T> type) {
        ColumnClause<?> col = c(name);
        Class<?> jt = col.type().javaType();
        if (jt != Object.class && !type.isAssignableFrom(jt)) {
            throw new org.jalchemy.exc.ArgumentError("Column '" + name + "' of " + describe() + " is " + col.type()
                    + " (" + jt.getName() + "), not " + type.getName());
        }
        return (ColumnClause<T>) col;
    }

    /**
     * This FROM clause's column corresponding to {@code column}: for a table, the column itself or
     * the one of the same name; for an alias or subquery, the column derived from it. Typed, so
     * {@code sq.c(users.id)} is a {@code ColumnClause<Integer>}.
     */
    @SuppressWarnings("unchecked")
    public <T> ColumnClause<T> c(ColumnElement<T> column) {
        ColumnClause<?> found = corresponding(column);
        if (found == null) {
            String n = column.name();
            if (n == null) {
                throw new NoSuchColumnError(describe() + " has no column corresponding to " + column);
            }
            found = c(n);
        }
        return (ColumnClause<T>) found;
    }

    ColumnClause<?> corresponding(ColumnElement<?> column) {
        for (ColumnClause<?> col : columns()) {
            if (col == column) {
                return col;
            }
        }
        return null;
    }

    /** A short description for messages ({@code table users}, {@code subquery anon}). */
    String describe() {
        return getClass().getSimpleName() + " " + this;
    }

    /** Base tables and aliases this clause is made of (itself, or both sides of a join). */
    void collectSelfAndParts(Set<FromClause> out) {
        out.add(this);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        out.add(this);
    }

    /**
     * The ON condition joining {@code this} to {@code other} through foreign keys, or null when
     * none is known. Tables with foreign keys (the schema package's {@code Table}) override it.
     */
    protected ColumnElement<Boolean> foreignKeyCondition(FromClause other) {
        return null;
    }

    /** {@code this JOIN right ON condition}. */
    public Join join(FromClause right, ColumnElement<Boolean> on) {
        return new Join(this, right, on, false, false);
    }

    /** {@code this JOIN right} with the ON clause inferred from foreign keys. */
    public Join join(FromClause right) {
        return new Join(this, right, Join.inferOn(this, right), false, false);
    }

    /** {@code this LEFT OUTER JOIN right ON condition}. */
    public Join outerjoin(FromClause right, ColumnElement<Boolean> on) {
        return new Join(this, right, on, true, false);
    }

    public Join outerjoin(FromClause right) {
        return new Join(this, right, Join.inferOn(this, right), true, false);
    }

    /** {@code this FULL OUTER JOIN right ON condition} (a CompileError where unsupported, e.g. MySQL). */
    public Join fullJoin(FromClause right, ColumnElement<Boolean> on) {
        return new Join(this, right, on, true, true);
    }

    /** An alias {@code this AS name}. */
    public Alias alias(String name) {
        return new Alias(this, name, false);
    }

    /** An anonymous alias (named {@code <table>_1}... by the compiler). */
    public Alias alias() {
        return new Alias(this, null, false);
    }

    /** Rejects a null argument with a clear message. */
    static <X> X required(X x, String what) {
        if (x == null) {
            throw new ArgumentError(what + " must not be null");
        }
        return x;
    }
}
