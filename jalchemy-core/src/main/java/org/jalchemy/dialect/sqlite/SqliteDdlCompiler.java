package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.DdlCompiler;

/**
 * SQLite DDL: the autoincrement column is declared INTEGER whatever its integer type, because only
 * an INTEGER primary key aliases the rowid (a BIGINT one would not generate values). Foreign keys
 * always stay inline (no ALTER TABLE ADD CONSTRAINT); comments are not stored.
 */
final class SqliteDdlCompiler extends DdlCompiler {
    SqliteDdlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String columnType(Column<?> c) {
        return c.isAutoincrement() ? "INTEGER" : super.columnType(c);
    }
}
