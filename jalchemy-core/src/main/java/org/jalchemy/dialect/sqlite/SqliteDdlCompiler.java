package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ColumnAlteration;
import org.jalchemy.schema.Table;

import java.util.List;
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

    /** SQLite renames a column in place; every other change rebuilds the table (batch mode). */
    @Override
    public boolean supportsAlterColumn(ColumnAlteration a) {
        return a.onlyRename();
    }

    @Override
    public List<String> alterColumn(Table table, String column, ColumnAlteration a) {
        if (!a.onlyRename()) {
            throw new CompileError("SQLite cannot ALTER COLUMN '" + column + "' of table '" + table.fullname()
                    + "' beyond a rename; run the change in a batch that rebuilds the table"
                    + " (op.batchAlterTable in jalchemy-migrate)");
        }
        return a.newName() == null ? List.of() : List.of(renameColumn(table, column, a.newName()));
    }

    /** SQLite keeps no comments: nothing to run. */
    @Override
    public List<String> setTableComment(Table table, String comment) {
        return List.of();
    }

    @Override
    protected List<String> columnComment(Table table, String column, String comment, boolean altering) {
        return List.of();
    }
}
