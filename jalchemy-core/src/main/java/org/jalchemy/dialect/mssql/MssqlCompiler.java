package org.jalchemy.dialect.mssql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.Alias;
import org.jalchemy.sql.BinaryExpression;
import org.jalchemy.sql.BindParameter;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.DmlBase;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Keyword;
import org.jalchemy.sql.Ordering;
import org.jalchemy.sql.Precedence;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.SqlCompiler;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;

import java.sql.Types;
import java.util.List;

/**
 * SQL Server's T-SQL: {@code TOP (?)} for a bare limit and {@code OFFSET ? ROWS FETCH NEXT ? ROWS
 * ONLY} otherwise (adding {@code ORDER BY (SELECT NULL)} when there is no ORDER BY), {@code +} for
 * concatenation, NULLS FIRST/LAST emulated with a CASE sort key, booleans as 1/0 with values turned
 * into predicates, {@code OUTPUT inserted.x / deleted.x} for RETURNING, and MERGE (terminated by
 * {@code ;}) for upserts.
 */
public class MssqlCompiler extends SqlCompiler {
    private final java.util.Set<Object> topLimits = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public MssqlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void selectModifiers(Select<?> s) {
        super.selectModifiers(s);
        if (s.limitClause() != null && s.offsetClause() == null) {
            append("TOP (");
            process(s.limitClause());
            append(") ");
            topLimits.add(s.limitClause());
        }
    }

    @Override
    protected void limitOffset(BindParameter<Integer> limit, BindParameter<Integer> offset, boolean hasOrderBy) {
        if (limit == null && offset == null || offset == null && topLimits.contains(limit)) {
            return;
        }
        if (!hasOrderBy) {
            append(" ORDER BY (SELECT NULL)");
        }
        append(" OFFSET ");
        if (offset != null) {
            process(offset);
        } else {
            append("0");
        }
        append(" ROWS");
        if (limit != null) {
            append(" FETCH NEXT ");
            process(limit);
            append(" ROWS ONLY");
        }
    }

    @Override
    protected void visitConcat(BinaryExpression<?> b) {
        process(b.left(), Precedence.ADDITIVE, false);
        append(" + ");
        process(b.right(), Precedence.ADDITIVE, true);
    }

    @Override
    protected void visitOrdering(Ordering<?> o) {
        if (o.nullsFirstFlag() != null) {
            append("CASE WHEN ");
            process(o.element(), Precedence.COMPARISON, true);
            append(o.nullsFirstFlag() ? " IS NULL THEN 0 ELSE 1 END, " : " IS NULL THEN 1 ELSE 0 END, ");
        }
        processOrderElement(o.element());
        if (o.descending() != null) {
            append(o.descending() ? " DESC" : " ASC");
        }
    }

    @Override
    protected void processCriterion(ColumnElement<?> e, int parentPrecedence) {
        if (e instanceof Keyword<?> k && (k.kind() == Keyword.Kind.TRUE || k.kind() == Keyword.Kind.FALSE)) {
            append(k.kind() == Keyword.Kind.TRUE ? "1 = 1" : "1 = 0");
        } else if (!isPredicate(e)) {
            process(e, Precedence.COMPARISON, true);
            append(" = 1");
        } else {
            super.processCriterion(e, parentPrecedence);
        }
    }

    @Override
    protected String recursiveKeyword() {
        return "";
    }

    @Override
    protected String functionName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "now" -> "current_timestamp";
            case "char_length", "length" -> "LEN";
            default -> name;
        };
    }

    @Override
    protected String castTypeName(SqlType<?> t) {
        return switch (t.jdbcType()) {
            case Types.VARCHAR, Types.NVARCHAR -> "NVARCHAR(" + (t instanceof StringType s && s.length() != null
                    ? s.length() : "max") + ")";
            case Types.CLOB, Types.LONGVARCHAR -> "NVARCHAR(max)";
            case Types.BOOLEAN, Types.BIT -> "BIT";
            case Types.DOUBLE, Types.FLOAT -> "FLOAT";
            case Types.TIMESTAMP -> "DATETIME2";
            default -> super.castTypeName(t);
        };
    }

    @Override
    protected void forUpdate(Select.ForUpdate f) {
        throw unsupported("SELECT ... FOR UPDATE (use table hints)");
    }

    @Override
    protected void visitLateral(Alias a) {
        throw unsupported("LATERAL (use CROSS APPLY)");
    }

    @Override
    protected void dmlOutput(DmlBase d) {
        List<ColumnElement<?>> cols = d.returningColumns();
        if (cols.isEmpty()) {
            return;
        }
        String pseudo = d instanceof Delete ? "deleted" : "inserted";
        append(" OUTPUT ");
        for (int i = 0; i < cols.size(); i++) {
            append(i > 0 ? ", " : "").append(pseudo).append(".").append(quote(cols.get(i).name()));
        }
        recordResultColumns(cols);
    }

    @Override
    protected void returningClause(DmlBase d) {
        // rendered as OUTPUT by dmlOutput
    }

    @Override
    protected void implicitReturning(Insert ins) {
        // primary keys come back through OUTPUT only when asked for with returning()
    }

    @Override
    protected void visitInsert(Insert ins) {
        if (ins.upsert() != null) {
            mergeUpsert(ins, "", " AS excluded", ";");
            return;
        }
        super.visitInsert(ins);
    }
}
