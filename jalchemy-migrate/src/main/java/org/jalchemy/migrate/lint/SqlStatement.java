package org.jalchemy.migrate.lint;

import org.jalchemy.migrate.ops.MigrateOp;

import java.util.List;

/**
 * One statement of an {@code op.execute("...")} as lint understands it (see {@link RawSql}): its
 * kind, the table and object it names, and, for DDL that an {@code Ops} call could also have made,
 * the equivalent {@link MigrateOp} (so raw {@code DROP TABLE} meets the same rules as
 * {@code op.dropTable}). Unrecognised statements have kind {@link Kind#OTHER}.
 *
 * @param tables the tables named (TRUNCATE may name several), lower case as written, unquoted
 * @param name   the database, schema or constraint the statement names, or null
 * @param cascade whether {@code CASCADE} was given (TRUNCATE, DROP SCHEMA)
 * @param op     the equivalent op for DDL kinds, else null
 * @param text   the statement text, comments removed, whitespace collapsed
 */
public record SqlStatement(Kind kind, List<String> tables, String name, boolean cascade, MigrateOp op, String text) {
    public SqlStatement {
        tables = List.copyOf(tables);
    }

    public enum Kind {
        /** DROP DATABASE / DROP SCHEMA. */
        DROP_DATABASE,
        TRUNCATE,
        /** UPDATE, DELETE or INSERT ... SELECT: a data change (a backfill). */
        DATA_CHANGE,
        /** PostgreSQL {@code ALTER TABLE t VALIDATE CONSTRAINT c}. */
        VALIDATE_CONSTRAINT,
        /** DDL with an equivalent op ({@link #op()} non-null). */
        DDL,
        OTHER
    }

    /** The first table named, or null. */
    public String table() {
        return tables.isEmpty() ? null : tables.get(0);
    }
}
