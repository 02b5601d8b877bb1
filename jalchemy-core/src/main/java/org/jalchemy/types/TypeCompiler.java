package org.jalchemy.types;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.exc.CompileError;

/**
 * Renders a {@link SqlType} as the type name of a column in DDL (and in CAST) for one dialect.
 * The base class writes ANSI names; each dialect's subclass overrides the methods that differ.
 * A type the dialect cannot express raises {@link CompileError} naming the type and the dialect.
 *
 * <p>Stateless apart from the dialect; safe to share.
 */
public class TypeCompiler {
    protected final Dialect dialect;

    public TypeCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The DDL type name of {@code type}. */
    public String process(SqlType<?> type) {
        return switch (type) {
            case IntegerType t -> integer(t);
            case BigIntegerType t -> bigInteger(t);
            case SmallIntegerType t -> smallInteger(t);
            case BooleanType t -> booleanType(t);
            case StringType t -> string(t);
            case TextType t -> text(t);
            case FloatType t -> floatType(t);
            case DoubleType t -> doubleType(t);
            case NumericType t -> numeric(t);
            case DateType t -> date(t);
            case TimeType t -> time(t);
            case DateTimeType t -> dateTime(t);
            case OffsetDateTimeType t -> dateTimeTz(t);
            case IntervalType t -> interval(t);
            case LargeBinaryType t -> largeBinary(t);
            case UuidType t -> uuid(t);
            case EnumType<?> t -> enumType(t);
            case StringEnumType t -> enumType(t);
            case JsonType<?> t -> json(t);
            case ArrayType<?> t -> array(t);
            case TypeDecorator<?, ?> t -> process(t.impl());
            default -> other(type);
        };
    }

    protected String integer(IntegerType t) {
        return "INTEGER";
    }

    protected String bigInteger(BigIntegerType t) {
        return "BIGINT";
    }

    protected String smallInteger(SmallIntegerType t) {
        return "SMALLINT";
    }

    protected String booleanType(BooleanType t) {
        return "BOOLEAN";
    }

    protected String string(StringType t) {
        return t.length() == null ? "VARCHAR" : "VARCHAR(" + t.length() + ")";
    }

    protected String text(TextType t) {
        return "TEXT";
    }

    protected String floatType(FloatType t) {
        return "REAL";
    }

    protected String doubleType(DoubleType t) {
        return "DOUBLE PRECISION";
    }

    protected String numeric(NumericType t) {
        if (t.precision() == null) {
            return "NUMERIC";
        }
        return "NUMERIC(" + t.precision() + (t.scale() == null ? "" : ", " + t.scale()) + ")";
    }

    protected String date(DateType t) {
        return "DATE";
    }

    protected String time(TimeType t) {
        return "TIME";
    }

    protected String dateTime(DateTimeType t) {
        return "TIMESTAMP";
    }

    protected String dateTimeTz(OffsetDateTimeType t) {
        return "TIMESTAMP WITH TIME ZONE";
    }

    /** Default: the BIGINT microseconds storage of {@link IntervalType}. */
    protected String interval(IntervalType t) {
        return process(t.impl());
    }

    protected String largeBinary(LargeBinaryType t) {
        return "BLOB";
    }

    protected String uuid(UuidType t) {
        return "CHAR(36)";
    }

    /** Default: VARCHAR of the longest name (the DDL compiler adds the CHECK constraint). */
    protected String enumType(EnumValues t) {
        return "VARCHAR(" + t.length() + ")";
    }

    protected String json(JsonType<?> t) {
        return "JSON";
    }

    /** Default: no ARRAY type (only PostgreSQL has one). */
    protected String array(ArrayType<?> t) {
        throw unsupported(t);
    }

    /** Types this dialect has no rendering for. */
    protected String other(SqlType<?> type) {
        throw unsupported(type);
    }

    protected CompileError unsupported(SqlType<?> type) {
        if (type instanceof NullType) {
            return new CompileError("Can't generate DDL for a column of NullType (no type given) on dialect "
                    + dialect.name());
        }
        return new CompileError("Type " + type + " cannot be expressed on dialect " + dialect.name());
    }
}
