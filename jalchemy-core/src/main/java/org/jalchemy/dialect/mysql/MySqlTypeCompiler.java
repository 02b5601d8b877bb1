package org.jalchemy.dialect.mysql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;
import org.jalchemy.schema.DdlCompiler;
import org.jalchemy.types.BooleanType;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.DoubleType;
import org.jalchemy.types.EnumType;
import org.jalchemy.types.FloatType;
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.OffsetDateTimeType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TimeType;

import java.util.stream.Collectors;

/**
 * MySQL/MariaDB type names: BOOL, DATETIME(6)/TIME(6) (microseconds), LONGTEXT/LONGBLOB (so
 * large values fit), inline ENUM. VARCHAR needs a length here.
 */
final class MySqlTypeCompiler extends org.jalchemy.types.TypeCompiler {
    MySqlTypeCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String booleanType(BooleanType t) {
        return "BOOL";
    }

    @Override
    protected String string(StringType t) {
        if (t.length() == null) {
            throw new CompileError("VARCHAR requires a length on dialect " + dialect.name()
                    + "; use string(n) or text()");
        }
        return super.string(t);
    }

    @Override
    protected String text(TextType t) {
        return "LONGTEXT";
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
    protected String time(TimeType t) {
        return "TIME(6)";
    }

    @Override
    protected String dateTime(DateTimeType t) {
        return "DATETIME(6)";
    }

    /** No zone-aware type: stored as UTC in DATETIME(6). */
    @Override
    protected String dateTimeTz(OffsetDateTimeType t) {
        return "DATETIME(6)";
    }

    @Override
    protected String largeBinary(LargeBinaryType t) {
        return "LONGBLOB";
    }

    @Override
    protected String enumType(org.jalchemy.types.EnumValues t) {
        if (!t.nativeEnum()) {
            return super.enumType(t);
        }
        return "ENUM(" + t.values().stream().map(DdlCompiler::literalOf).collect(Collectors.joining(", ")) + ")";
    }
}
