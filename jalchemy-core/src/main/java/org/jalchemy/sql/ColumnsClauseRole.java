package org.jalchemy.sql;

/**
 * What may appear in {@code select(...)}: a column expression (one result column) or a FROM clause
 * such as a table (all of its columns). Higher layers (ORM entities) implement it too and expand
 * to columns through their own {@code select}.
 */
public interface ColumnsClauseRole {
}
