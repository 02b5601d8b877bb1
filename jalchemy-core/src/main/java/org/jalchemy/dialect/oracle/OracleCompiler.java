package org.jalchemy.dialect.oracle;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.sql.Alias;
import org.jalchemy.sql.BinaryExpression;
import org.jalchemy.sql.BindParameter;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.CompoundSelect;
import org.jalchemy.sql.DmlBase;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Keyword;
import org.jalchemy.sql.Operator;
import org.jalchemy.sql.Precedence;
import org.jalchemy.sql.SelectBase;
import org.jalchemy.sql.SqlCompiler;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;

import java.sql.Types;
import java.util.List;

/**
 * Oracle SQL (12c+): {@code OFFSET ? ROWS FETCH FIRST ? ROWS ONLY}, {@code FROM DUAL}, aliases
 * without AS, {@code MINUS} for EXCEPT, {@code MOD()}, {@code DECODE} for null-safe comparison,
 * boolean values turned into predicates ({@code x = 1}), MERGE for upserts, and
 * {@code RETURNING ... INTO :ret_n} OUT parameters (named, for display: compile-only).
 */
public class OracleCompiler extends SqlCompiler {

    public OracleCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void limitOffset(BindParameter<Integer> limit, BindParameter<Integer> offset, boolean hasOrderBy) {
        if (offset != null) {
            append(" OFFSET ");
            process(offset);
            append(" ROWS");
        }
        if (limit != null) {
            append(" FETCH FIRST ");
            process(limit);
            append(" ROWS ONLY");
        }
    }

    @Override
    protected String emptyFrom() {
        return " FROM DUAL";
    }

    @Override
    protected String aliasKeyword() {
        return " ";
    }

    @Override
    protected String recursiveKeyword() {
        return "";
    }

    @Override
    protected void visitCompoundSelect(CompoundSelect cs) {
        if (cs.kind() != CompoundSelect.Kind.EXCEPT) {
            super.visitCompoundSelect(cs);
            return;
        }
        List<SelectBase> sel = cs.selects();
        for (int i = 0; i < sel.size(); i++) {
            if (i > 0) {
                append(" MINUS ");
            }
            compoundMember(sel.get(i), false);
        }
        orderByClause(cs.orderByClauses());
        limitOffset(cs.limitClause(), cs.offsetClause(), !cs.orderByClauses().isEmpty());
    }

    @Override
    protected void visitBinary(BinaryExpression<?> b) {
        if (b.operator() == Operator.MOD) {
            append("MOD(");
            process(b.left());
            append(", ");
            process(b.right());
            append(")");
            return;
        }
        super.visitBinary(b);
    }

    @Override
    protected void visitIsDistinctFrom(BinaryExpression<?> b, boolean not) {
        append("DECODE(");
        process(b.left());
        append(", ");
        process(b.right());
        append(not ? ", 0, 1) = 0" : ", 0, 1) = 1");
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
    protected String functionName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "now" -> "current_timestamp";
            case "char_length" -> "LENGTH";
            default -> name;
        };
    }

    @Override
    protected String castTypeName(SqlType<?> t) {
        return switch (t.jdbcType()) {
            case Types.INTEGER, Types.SMALLINT -> "INTEGER";
            case Types.BIGINT -> "NUMBER(19)";
            case Types.VARCHAR, Types.NVARCHAR -> "VARCHAR2(" + (t instanceof StringType s && s.length() != null
                    ? s.length() : 4000) + " CHAR)";
            case Types.CLOB, Types.LONGVARCHAR -> "CLOB";
            case Types.BOOLEAN, Types.BIT -> "NUMBER(1)";
            case Types.DOUBLE, Types.FLOAT -> "BINARY_DOUBLE";
            case Types.NUMERIC, Types.DECIMAL -> "NUMBER";
            default -> super.castTypeName(t);
        };
    }

    @Override
    protected void visitLateral(Alias a) {
        append("LATERAL ");
    }

    @Override
    protected String defaultValues() {
        throw new CompileError("INSERT without values is not supported by the oracle dialect; give at least one column");
    }

    @Override
    protected void visitInsert(Insert ins) {
        if (ins.upsert() != null) {
            mergeUpsert(ins, " FROM DUAL", " excluded", "");
            return;
        }
        super.visitInsert(ins);
    }

    @Override
    protected void returningClause(DmlBase d) {
        List<ColumnElement<?>> cols = d.returningColumns();
        if (cols.isEmpty()) {
            return;
        }
        append(" RETURNING ");
        withUnqualified(() -> processList(cols));
        append(" INTO ");
        for (int i = 0; i < cols.size(); i++) {
            append(i > 0 ? ", " : "").append(":ret_" + i);
        }
    }

    @Override
    protected void implicitReturning(Insert ins) {
        // OUT parameters are needed for RETURNING on Oracle; the compile-only dialect leaves it out.
    }
}
