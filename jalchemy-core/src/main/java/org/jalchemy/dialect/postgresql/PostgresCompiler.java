package org.jalchemy.dialect.postgresql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.sql.BinaryExpression;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Precedence;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.SqlCompiler;

import java.util.List;

/**
 * PostgreSQL's SQL: native {@code ILIKE}, {@code DISTINCT ON}, {@code DELETE ... USING}; the rest
 * is the standard form of {@link SqlCompiler} (ON CONFLICT, RETURNING, UPDATE ... FROM, LATERAL).
 */
public class PostgresCompiler extends SqlCompiler {

    public PostgresCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void visitIlike(BinaryExpression<?> b, boolean negate) {
        process(b.left(), Precedence.COMPARISON, false);
        append(negate ? " NOT ILIKE " : " ILIKE ");
        process(b.right(), Precedence.COMPARISON, true);
    }

    @Override
    protected void selectModifiers(Select<?> s) {
        if (!s.distinctOnClauses().isEmpty()) {
            append("DISTINCT ON (");
            processList(s.distinctOnClauses());
            append(") ");
        } else if (s.isDistinct()) {
            append("DISTINCT ");
        }
    }

    @Override
    protected void deleteUsing(Delete d, List<FromClause> extra) {
        append(" USING ");
        fromList(extra);
    }
}
