package org.jalchemy.orm.unitofwork;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.Compiled;

import java.util.List;

/**
 * The statements the unit of work and the session's own loads need, compiled for a dialect.
 * Every method returns a {@link Compiled} whose placeholders are positional, in the order the
 * method documents, and whose result columns are typed by the mapped properties.
 *
 * <p>This is the seam between the ORM and SQL generation: {@link TextStatements} writes the SQL
 * itself until Core's expression language (insert/update/delete/select and their compilers) is
 * available; then an implementation building Core statements replaces it and nothing else in the
 * ORM changes. Implementations cache per (dialect, shape): a shape is compiled once.
 */
public interface OrmStatements {

    /**
     * {@code INSERT INTO t (cols) VALUES (...) [, (...)]* [RETURNING returning]}.
     * Placeholders: row by row, the values of {@code columns} in order.
     */
    Compiled insert(Dialect dialect, Mapper<?> mapper, ColumnProperty[] columns, int rows, ColumnProperty[] returning);

    /**
     * {@code UPDATE t SET set... WHERE pk... [AND version = ?]}.
     * Placeholders: new values of {@code set}, then the (old) primary-key values, then the old version.
     */
    Compiled update(Dialect dialect, Mapper<?> mapper, ColumnProperty[] set, boolean checkVersion);

    /** {@code DELETE FROM t WHERE pk... [AND version = ?]}. Placeholders: primary key, then version. */
    Compiled delete(Dialect dialect, Mapper<?> mapper, boolean checkVersion);

    /**
     * {@code SELECT <all properties> FROM t [WHERE c = ? AND ...] [ORDER BY ...] [LIMIT ? [OFFSET ?]]}.
     * Placeholders: the non-null criterion values in order, then limit, then offset when given.
     * Result columns: every property, in mapping order.
     */
    Compiled select(Dialect dialect, Mapper<?> mapper, List<Criterion> where, List<Ordering> orderBy,
                    boolean limit, boolean offset);

    /** {@code SELECT COUNT(*) FROM t [WHERE ...]}; placeholders as in {@link #select}. */
    Compiled count(Dialect dialect, Mapper<?> mapper, List<Criterion> where);
}
