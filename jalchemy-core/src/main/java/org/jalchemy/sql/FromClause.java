package org.jalchemy.sql;

import java.util.List;

/**
 * Something rows can be selected FROM: a table, a join, an alias, a subquery
 * (SQLAlchemy's {@code FromClause}). Immutable.
 */
public abstract class FromClause {

    /** The columns this FROM clause exports, in order. */
    public abstract List<? extends ColumnClause<?>> columns();
}
