package org.jalchemy.sql;

import java.util.Set;

/**
 * Base of every node of the SQL expression tree (SQLAlchemy's {@code ClauseElement}): expressions,
 * FROM clauses and statements.
 *
 * <p>Invariants: nodes are immutable values. Each node renders itself through the
 * {@link SqlCompiler} ({@link #compileTo}) and describes its shape to a {@link KeyBuilder}
 * ({@link #keyTo}); the two must agree, i.e. two nodes with equal keys must compile to the same
 * SQL on every dialect, and must register their bound values in the same order. A node that
 * forgets a shape-relevant attribute in {@code keyTo} makes the compiled cache serve wrong SQL.
 */
public abstract class ClauseElement {

    ClauseElement() {
    }

    /** Renders this node into {@code c}'s current buffer. */
    abstract void compileTo(SqlCompiler c);

    /** Appends this node's shape (never its bound values, which go to {@link KeyBuilder#bind}). */
    abstract void keyTo(KeyBuilder k);

    /** Adds the FROM clauses this expression refers to (not those of nested SELECTs). */
    void collectFroms(Set<FromClause> out) {
    }

    /** Binding strength for parenthesization; higher binds tighter. */
    int precedence() {
        return Precedence.ATOM;
    }
}
