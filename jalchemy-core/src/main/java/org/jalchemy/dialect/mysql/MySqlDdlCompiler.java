package org.jalchemy.dialect.mysql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Constraint;
import org.jalchemy.schema.DdlCompiler;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.Index;
import org.jalchemy.schema.PrimaryKeyConstraint;
import org.jalchemy.schema.Table;
import org.jalchemy.schema.UniqueConstraint;

/**
 * MySQL/MariaDB DDL: AUTO_INCREMENT, inline COMMENTs, {@code DROP INDEX ... ON table},
 * {@code DROP FOREIGN KEY}. Functional index elements are refused (MariaDB has none).
 */
final class MySqlDdlCompiler extends DdlCompiler {
    MySqlDdlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String columnSuffix(Column<?> c) {
        StringBuilder sb = new StringBuilder();
        if (c.isAutoincrement()) {
            sb.append(" AUTO_INCREMENT");
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(literal(c.comment()));
        }
        return sb.toString();
    }

    @Override
    protected String tableSuffix(Table t) {
        return t.comment() == null ? "" : " COMMENT=" + literal(t.comment());
    }

    @Override
    protected String expressionElement(Index.Expr expr) {
        throw new CompileError("Functional index element '" + expr.sql() + "' is not supported on dialect "
                + dialect.name() + "; index a generated column instead");
    }

    @Override
    public String dropIndex(Index index) {
        return "DROP INDEX " + quote(indexName(index)) + " ON " + formatTable(index.table());
    }

    @Override
    public String dropConstraint(Constraint c) {
        String what = switch (c) {
            case ForeignKeyConstraint fk -> "FOREIGN KEY " + quote(constraintName(c, true));
            case UniqueConstraint u -> "INDEX " + quote(constraintName(c, true));
            case PrimaryKeyConstraint pk -> "PRIMARY KEY";
            default -> "CHECK " + quote(constraintName(c, true));
        };
        return "ALTER TABLE " + formatTable(c.table()) + " DROP " + what;
    }
}
