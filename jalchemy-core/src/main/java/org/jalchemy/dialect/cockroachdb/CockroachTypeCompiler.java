package org.jalchemy.dialect.cockroachdb;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.postgresql.PostgresTypeCompiler;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.SmallIntegerType;

/** CockroachDB type names: integers by width ({@code INT4}, {@code INT8}, {@code INT2}), since its bare {@code INT} is 64-bit. */
final class CockroachTypeCompiler extends PostgresTypeCompiler {
    CockroachTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String integer(IntegerType t) {
        return "INT4";
    }

    @Override
    protected String bigInteger(BigIntegerType t) {
        return "INT8";
    }

    @Override
    protected String smallInteger(SmallIntegerType t) {
        return "INT2";
    }
}
