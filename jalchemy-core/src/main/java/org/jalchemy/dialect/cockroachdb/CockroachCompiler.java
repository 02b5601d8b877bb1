package org.jalchemy.dialect.cockroachdb;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.postgresql.PostgresCompiler;
import org.jalchemy.exc.CompileError;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.Insert;

import java.util.List;

/**
 * CockroachDB's SQL: PostgreSQL's, except that {@code ON CONFLICT DO UPDATE} without target
 * columns targets the primary key (as CockroachDB's {@code UPSERT} does) instead of failing, and
 * {@code CAST(x AS INT4)} for an Integer (CockroachDB's {@code INTEGER} is 64-bit, and pgjdbc
 * would hand back a Long).
 */
final class CockroachCompiler extends PostgresCompiler {
    CockroachCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String castTypeName(org.jalchemy.types.SqlType<?> t) {
        return switch (t.jdbcType()) {
            case java.sql.Types.INTEGER -> "INT4";
            case java.sql.Types.BIGINT -> "INT8";
            case java.sql.Types.SMALLINT -> "INT2";
            default -> super.castTypeName(t);
        };
    }

    @Override
    protected void upsertClause(Insert ins) {
        Insert.Upsert u = ins.upsert();
        if (u.doNothing() || !u.target().isEmpty()) {
            super.upsertClause(ins);
            return;
        }
        List<? extends ColumnClause<?>> pk = ins.table().primaryKeyColumns();
        if (pk.isEmpty()) {
            throw new CompileError("ON CONFLICT DO UPDATE on " + "table " + ins.table().name() + " has no target columns and"
                    + " the table no primary key; pass the conflict target to onConflictDoUpdate()");
        }
        append(" ON CONFLICT (");
        columnNames(pk);
        append(") DO UPDATE SET ");
        setClause(u.set());
    }
}
