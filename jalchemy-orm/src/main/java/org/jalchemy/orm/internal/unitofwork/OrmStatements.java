package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.MappedTable;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.Compiled;

import java.util.List;

/**
 * The statements the unit of work and the session's own loads need, compiled for a dialect.
 * Every method returns a {@link Compiled} whose placeholders are positional, in the order the
 * method documents, and whose result columns are typed by the mapped properties, so the flush
 * binds plain {@code Object[]} rows without building maps.
 *
 * <p>{@link CoreStatements} builds them with Core's expression language (the ORM writes no SQL);
 * implementations cache per (dialect, shape): a shape is compiled once per mapper.
 */
public interface OrmStatements {

    /**
     * {@code INSERT INTO t (cols) VALUES (...) [, (...)]* [RETURNING returning]}, never with an
     * implicit RETURNING, into {@code table} (the mapper's table, or one of a joined subclass's
     * tables: {@code Mapper.tableParts()}). Placeholders: row by row, the values of {@code columns} in order.
     */
    Compiled insert(Dialect dialect, Mapper<?> mapper, MappedTable<?> table, ColumnProperty[] columns, int rows,
                    ColumnProperty[] returning);

    /**
     * {@code UPDATE t SET set... WHERE pk... [AND version = ?]} of {@code table}.
     * Placeholders: new values of {@code set}, then the (old) primary-key values, then the old version.
     */
    Compiled update(Dialect dialect, Mapper<?> mapper, MappedTable<?> table, ColumnProperty[] set, boolean checkVersion);

    /** {@code DELETE FROM t WHERE pk... [AND version = ?]} of {@code table}. Placeholders: primary key, then version. */
    Compiled delete(Dialect dialect, Mapper<?> mapper, MappedTable<?> table, boolean checkVersion);

    /**
     * {@code SELECT <all properties> FROM t WHERE c = ? AND ...} ({@code IS NULL} for null values).
     * Placeholders: the non-null criterion values in order. Result columns: every property, in mapping order.
     */
    Compiled select(Dialect dialect, Mapper<?> mapper, List<Criterion> where);
}
