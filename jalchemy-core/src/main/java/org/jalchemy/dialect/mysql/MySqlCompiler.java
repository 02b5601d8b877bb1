package org.jalchemy.dialect.mysql;

import org.jalchemy.exc.CompileError;
import org.jalchemy.sql.Alias;
import org.jalchemy.sql.BinaryExpression;
import org.jalchemy.sql.BindParameter;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Excluded;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.FunctionElement;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Ordering;
import org.jalchemy.sql.Precedence;
import org.jalchemy.sql.SqlCompiler;
import org.jalchemy.sql.Update;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;

import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * MySQL/MariaDB SQL: {@code concat()}, {@code <=>} for null-safe comparison, NULLS FIRST/LAST
 * emulated with an {@code IS [NOT] NULL} sort key, {@code ON DUPLICATE KEY UPDATE} with
 * {@code VALUES(col)}, multi-table UPDATE/DELETE, MySQL CAST type names, and backslash-escaping
 * string literals. RETURNING only on MariaDB 10.5+ and only for INSERT/DELETE; no FULL OUTER JOIN,
 * no aggregate FILTER, no LATERAL on MariaDB. {@code FOR UPDATE OF} renders its tables on MySQL 8+
 * only: MariaDB has no {@code OF}, and gets a plain {@code FOR UPDATE}, as SQLAlchemy renders it.
 */
public class MySqlCompiler extends SqlCompiler {
    private final MySqlDialect mysql;

    public MySqlCompiler(MySqlDialect dialect) {
        super(dialect);
        this.mysql = dialect;
    }

    @Override
    protected void forUpdate(org.jalchemy.sql.Select.ForUpdate f) {
        append(" FOR UPDATE");
        if (!mysql.isMariaDb() && mysql.serverVersion() >= 80000) {
            forUpdateOf(f);
        }
        if (f.nowait()) {
            append(" NOWAIT");
        } else if (f.skipLocked()) {
            append(" SKIP LOCKED");
        }
    }

    @Override
    protected boolean ctesOnDml() {
        return !mysql.isMariaDb();
    }

    @Override
    protected String literalString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    protected void visitConcat(BinaryExpression<?> b) {
        append("concat(");
        process(b.left());
        append(", ");
        process(b.right());
        append(")");
    }

    @Override
    protected void visitIsDistinctFrom(BinaryExpression<?> b, boolean not) {
        if (!not) {
            append("NOT (");
        }
        process(b.left(), Precedence.COMPARISON, false);
        append(" <=> ");
        process(b.right(), Precedence.COMPARISON, true);
        if (!not) {
            append(")");
        }
    }

    @Override
    protected void visitOrdering(Ordering<?> o) {
        if (o.nullsFirstFlag() != null) {
            process(o.element(), Precedence.COMPARISON, true);
            append(o.nullsFirstFlag() ? " IS NOT NULL, " : " IS NULL, ");
        }
        processOrderElement(o.element());
        if (o.descending() != null) {
            append(o.descending() ? " DESC" : " ASC");
        }
    }

    @Override
    protected void limitOffset(BindParameter<Integer> limit, BindParameter<Integer> offset, boolean hasOrderBy) {
        if (limit == null && offset != null) {
            append(" LIMIT 18446744073709551615 OFFSET ");
            process(offset);
            return;
        }
        super.limitOffset(limit, offset, hasOrderBy);
    }

    @Override
    protected void visitLateral(Alias a) {
        if (mysql.isMariaDb()) {
            throw unsupported("LATERAL (on MariaDB)");
        }
        super.visitLateral(a);
    }

    @Override
    protected void visitAggregateFilter(FunctionElement<?> f) {
        throw unsupported("Aggregate FILTER (WHERE ...)");
    }

    @Override
    protected String castTypeName(SqlType<?> t) {
        return switch (t.jdbcType()) {
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.BOOLEAN, Types.BIT -> "SIGNED";
            case Types.VARCHAR, Types.NVARCHAR -> t instanceof StringType s && s.length() != null
                    ? "CHAR(" + s.length() + ")" : "CHAR";
            case Types.CLOB, Types.LONGVARCHAR -> "CHAR";
            case Types.NUMERIC, Types.DECIMAL -> "DECIMAL(65, 30)";
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> "DOUBLE";
            case Types.TIMESTAMP -> "DATETIME";
            default -> super.castTypeName(t);
        };
    }

    @Override
    protected String defaultValues() {
        return " () VALUES ()";
    }

    @Override
    protected void visitExcluded(Excluded<?> e) {
        append("VALUES(").append(quote(e.column().name())).append(")");
    }

    @Override
    protected void upsertClause(Insert ins) {
        Insert.Upsert u = ins.upsert();
        append(" ON DUPLICATE KEY UPDATE ");
        if (u.doNothing()) {
            ColumnClause<?> any = !u.target().isEmpty() ? u.target().get(0)
                    : !ins.rows().isEmpty() && !ins.rows().get(0).isEmpty() ? ins.rows().get(0).keySet().iterator().next()
                    : null;
            if (any == null) {
                throw new CompileError("onConflictDoNothing() on MySQL needs a column to assign to itself");
            }
            String q = quote(any.name());
            append(q).append(" = ").append(q);
            return;
        }
        setClause(u.set());
    }

    @Override
    protected void visitUpdate(Update u) {
        if (!u.returningColumns().isEmpty()) {
            throw unsupported("UPDATE ... RETURNING");
        }
        List<FromClause> extra = u.extraFroms();
        if (extra.isEmpty()) {
            super.visitUpdate(u);
            return;
        }
        // multi-table UPDATE: UPDATE t, other SET t.col = ... WHERE ...
        append("UPDATE ").append(fromName(u.table()));
        for (FromClause f : extra) {
            append(", ");
            process(f);
        }
        append(" SET ");
        int i = 0;
        for (Map.Entry<ColumnClause<?>, ColumnElement<?>> e : u.valuesMap().entrySet()) {
            if (i++ > 0) {
                append(", ");
            }
            append(fromName(u.table())).append(".").append(quote(e.getKey().name())).append(" = ");
            process(e.getValue());
        }
        whereClause(u.whereCriteria());
    }

    @Override
    protected void deleteUsing(Delete d, List<FromClause> extra) {
        append(" USING ").append(fromName(d.table()));
        for (FromClause f : extra) {
            append(", ");
            process(f);
        }
    }
}
