package org.jalchemy.schema;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.Compiled;
import org.jalchemy.sql.Executable;

/**
 * A DDL statement construct ({@link CreateTable}, {@link DropTable}, {@link CreateIndex}, ...):
 * printable without a database through {@code compile(dialect)} and executable on a Connection.
 * Immutable; compiles to SQL without parameters.
 */
public abstract sealed class DdlElement implements Executable
        permits CreateTable, DropTable, CreateIndex, DropIndex, AddConstraint, DropConstraint {

    /** The DDL text for {@code dialect}. */
    public abstract String toSql(DdlCompiler compiler);

    @Override
    public Compiled compile(Dialect dialect) {
        return new Compiled(toSql(dialect.ddlCompiler()), new Compiled.BindSlot[0], new Compiled.ResultColumn[0],
                dialect, false);
    }

    /** DDL is not worth caching: each construct is its own key. */
    @Override
    public Object cacheKey() {
        return this;
    }

    @Override
    public Object[] boundValues() {
        return new Object[0];
    }
}
