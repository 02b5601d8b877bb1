package org.jalchemy.dialect.postgresql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.types.EnumType;
import org.jalchemy.types.IntervalType;
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.TypeCompiler;
import org.jalchemy.types.UuidType;

/** PostgreSQL type names: BYTEA, UUID, INTERVAL, named ENUM types. Variants (CockroachDB, YugabyteDB) extend it. */
public class PostgresTypeCompiler extends TypeCompiler {
    public PostgresTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String largeBinary(LargeBinaryType t) {
        return "BYTEA";
    }

    @Override
    protected String uuid(UuidType t) {
        return "UUID";
    }

    @Override
    protected String interval(IntervalType t) {
        return "INTERVAL";
    }

    @Override
    protected String json(org.jalchemy.types.JsonType<?> t) {
        return "JSONB";
    }

    @Override
    protected String array(org.jalchemy.types.ArrayType<?> t) {
        return process(t.elementType()) + "[]";
    }

    @Override
    protected String enumType(org.jalchemy.types.EnumValues t) {
        if (!t.nativeEnum()) {
            return super.enumType(t);
        }
        return dialect.quoteIdentifier(t.name());
    }
}
