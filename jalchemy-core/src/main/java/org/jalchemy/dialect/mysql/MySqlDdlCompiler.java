package org.jalchemy.dialect.mysql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ColumnAlteration;
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

    /** MySQL/MariaDB call every primary key {@code PRIMARY}, ignore any other name and refuse that one. */
    @Override
    public String constraintName(Constraint c, boolean required) {
        return c instanceof PrimaryKeyConstraint ? null : super.constraintName(c, required);
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

    /** Comments are part of the column spec here (ADD COLUMN, MODIFY). */
    @Override
    protected java.util.List<String> columnComment(Table table, String column, String comment, boolean altering) {
        return java.util.List.of();
    }

    @Override
    public java.util.List<String> setTableComment(Table table, String comment) {
        return java.util.List.of("ALTER TABLE " + formatTable(table) + " COMMENT = " + literal(comment == null ? "" : comment));
    }

    /**
     * A default-only change is {@code ALTER COLUMN ... SET/DROP DEFAULT}; a rename alone is
     * {@code RENAME COLUMN}; anything else restates the column with {@code MODIFY} (or
     * {@code CHANGE} when it is also renamed), taking unchanged properties from the
     * {@code existing*} values, which is why a type is required.
     */
    @Override
    public java.util.List<String> alterColumn(Table table, String column, ColumnAlteration a) {
        String t = formatTable(table);
        if (a.onlyRename()) {
            return a.newName() == null ? java.util.List.of() : java.util.List.of(renameColumn(table, column, a.newName()));
        }
        if (a.type() == null && a.nullable() == null && !a.changesComment()) {
            java.util.List<String> out = new java.util.ArrayList<>();
            out.add("ALTER TABLE " + t + " ALTER COLUMN " + quote(column)
                    + (a.serverDefault() == null ? " DROP DEFAULT" : " SET DEFAULT " + a.serverDefault()));
            if (a.newName() != null) {
                out.add(renameColumn(table, column, a.newName()));
            }
            return out;
        }
        org.jalchemy.types.SqlType<?> type = a.type() != null ? a.type() : a.existingType();
        if (type == null) {
            throw new CompileError("Changing nullability or comment of column '" + column + "' of table '"
                    + table.fullname() + "' on " + dialect.name() + " restates the whole column (MODIFY) and needs"
                    + " its existing type: pass existingType");
        }
        boolean nullable = a.nullable() != null ? a.nullable() : a.existingNullable() == null || a.existingNullable();
        String dflt = a.changesDefault() ? a.serverDefault() : a.existingServerDefault();
        String comment = a.changesComment() ? a.comment() : a.existingComment();
        StringBuilder sb = new StringBuilder("ALTER TABLE ").append(t);
        if (a.newName() != null) {
            sb.append(" CHANGE COLUMN ").append(quote(column)).append(' ').append(quote(a.newName()));
        } else {
            sb.append(" MODIFY COLUMN ").append(quote(column));
        }
        sb.append(' ').append(typeName(table, column, type)).append(nullable ? " NULL" : " NOT NULL");
        if (dflt != null) {
            sb.append(" DEFAULT ").append(dflt);
        }
        if (a.existingAutoincrement()) {
            sb.append(" AUTO_INCREMENT");
        }
        if (comment != null) {
            sb.append(" COMMENT ").append(literal(comment));
        }
        return java.util.List.of(sb.toString());
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
            default -> "CONSTRAINT " + quote(constraintName(c, true)); // DROP CHECK is MySQL-only; MariaDB and MySQL 8.0.19+ take this
        };
        return "ALTER TABLE " + formatTable(c.table()) + " DROP " + what;
    }
}
