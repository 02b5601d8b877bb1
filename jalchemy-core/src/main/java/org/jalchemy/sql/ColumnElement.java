package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

/**
 * A SQL expression that yields a value of Java type {@code T} (SQLAlchemy's {@code ColumnElement}):
 * columns, literals, bound parameters, function calls, operators. The type parameter is what
 * makes {@code users.id.eq("x")} a javac error when {@code id} is a {@code Column<Integer>}.
 *
 * <p>Immutable. (The operators and the compiler's visit hooks are the expression language's.)
 */
public abstract class ColumnElement<T> {

    /** The SQL type of the value, never null ({@code NullType} when unknown). */
    public abstract SqlType<T> type();
}
