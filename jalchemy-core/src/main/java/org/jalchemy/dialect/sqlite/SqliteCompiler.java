package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.Alias;
import org.jalchemy.sql.BinaryExpression;
import org.jalchemy.sql.BindParameter;
import org.jalchemy.sql.CompoundSelect;
import org.jalchemy.sql.Precedence;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.SelectBase;
import org.jalchemy.sql.SqlCompiler;

/**
 * SQLite's SQL: {@code LIMIT -1 OFFSET ?} for an offset alone, {@code IS [NOT]} for null-safe
 * comparison, {@code CURRENT_TIMESTAMP} for {@code now()}, no FOR UPDATE (SQLite locks the
 * database file instead), no LATERAL, and UNION members that cannot be parenthesized (a member
 * with its own ORDER BY/LIMIT is wrapped in {@code SELECT * FROM (...)}).
 */
public class SqliteCompiler extends SqlCompiler {

    public SqliteCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void limitOffset(BindParameter<Integer> limit, BindParameter<Integer> offset, boolean hasOrderBy) {
        if (limit == null && offset != null) {
            append(" LIMIT -1 OFFSET ");
            process(offset);
            return;
        }
        super.limitOffset(limit, offset, hasOrderBy);
    }

    @Override
    protected void forUpdate(Select.ForUpdate f) {
        // SQLite has no row locks; like SQLAlchemy, FOR UPDATE is omitted.
    }

    @Override
    protected void visitIsDistinctFrom(BinaryExpression<?> b, boolean not) {
        process(b.left(), Precedence.COMPARISON, false);
        append(not ? " IS " : " IS NOT ");
        process(b.right(), Precedence.COMPARISON, true);
    }

    @Override
    protected String functionName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "now" -> "current_timestamp";
            case "char_length" -> "length";
            default -> name;
        };
    }

    @Override
    protected void visitLateral(Alias a) {
        throw unsupported("LATERAL");
    }

    @Override
    protected void compoundMember(SelectBase s, boolean recordColumns) {
        boolean wrap = s instanceof CompoundSelect || s instanceof Select<?> sel
                && (!sel.orderByClauses().isEmpty() || sel.limitClause() != null || sel.offsetClause() != null);
        if (!wrap) {
            super.compoundMember(s, recordColumns);
            return;
        }
        append("SELECT * FROM (");
        compoundMemberBody(s, recordColumns);
        append(")");
    }
}
