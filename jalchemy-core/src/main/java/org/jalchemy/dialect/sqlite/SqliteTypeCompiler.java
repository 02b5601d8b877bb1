package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.DoubleType;
import org.jalchemy.types.FloatType;
import org.jalchemy.types.OffsetDateTimeType;
import org.jalchemy.types.TypeCompiler;

/**
 * SQLite type names. SQLite accepts any name and derives a storage affinity from it; the names
 * chosen here keep the affinity right and reflect back to the same jalchemy type.
 */
final class SqliteTypeCompiler extends TypeCompiler {
    SqliteTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String floatType(FloatType t) {
        return "FLOAT";
    }

    @Override
    protected String doubleType(DoubleType t) {
        return "DOUBLE";
    }

    @Override
    protected String dateTime(DateTimeType t) {
        return "DATETIME";
    }

    @Override
    protected String dateTimeTz(OffsetDateTimeType t) {
        return "TIMESTAMP WITH TIME ZONE";
    }
}
