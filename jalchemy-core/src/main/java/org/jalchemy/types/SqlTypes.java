package org.jalchemy.types;

/**
 * Static factories for the built-in types, for {@code import static org.jalchemy.types.SqlTypes.*}:
 * {@code column("name", string(50))}, {@code column("total", numeric(10, 2))}. Names follow
 * SQLAlchemy's type classes; {@code boolean}, {@code float} and {@code double} being Java keywords,
 * those three end in {@code Type}.
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    public static IntegerType integer() {
        return IntegerType.INSTANCE;
    }

    public static BigIntegerType bigInteger() {
        return BigIntegerType.INSTANCE;
    }

    public static SmallIntegerType smallInteger() {
        return SmallIntegerType.INSTANCE;
    }

    public static BooleanType booleanType() {
        return BooleanType.INSTANCE;
    }

    /** VARCHAR without a length (where the dialect allows it: not on MySQL). */
    public static StringType string() {
        return new StringType(null);
    }

    public static StringType string(int length) {
        return new StringType(length);
    }

    public static TextType text() {
        return TextType.INSTANCE;
    }

    public static FloatType floatType() {
        return FloatType.INSTANCE;
    }

    public static DoubleType doubleType() {
        return DoubleType.INSTANCE;
    }

    public static NumericType numeric(int precision, int scale) {
        return new NumericType(precision, scale);
    }

    public static NumericType numeric() {
        return new NumericType(null, null);
    }

    public static DateType date() {
        return DateType.INSTANCE;
    }

    public static TimeType time() {
        return TimeType.INSTANCE;
    }

    /** TIMESTAMP without time zone ↔ LocalDateTime. */
    public static DateTimeType dateTime() {
        return DateTimeType.INSTANCE;
    }

    /** TIMESTAMP WITH TIME ZONE ↔ OffsetDateTime. */
    public static OffsetDateTimeType dateTimeTz() {
        return OffsetDateTimeType.INSTANCE;
    }

    /** TIMESTAMP WITH TIME ZONE ↔ Instant. */
    public static InstantType instant() {
        return InstantType.INSTANCE;
    }

    public static IntervalType interval() {
        return IntervalType.INSTANCE;
    }

    public static LargeBinaryType largeBinary() {
        return LargeBinaryType.INSTANCE;
    }

    public static UuidType uuid() {
        return UuidType.INSTANCE;
    }

    public static <E extends Enum<E>> EnumType<E> enumOf(Class<E> enumClass) {
        return new EnumType<>(enumClass);
    }

    /**
     * An enumerated type of plain String values (SQLAlchemy's {@code Enum("a", "b", name="mood")}):
     * what migration scripts use, since they must not depend on the models' Java enum classes.
     */
    public static StringEnumType enumType(String name, String... values) {
        return new StringEnumType(name, java.util.List.of(values));
    }

    /** JSON mapped to {@code javaType} with the default codec (Jackson). */
    public static <T> JsonType<T> json(Class<T> javaType) {
        return new JsonType<>(javaType, JsonCodec.defaultCodec());
    }

    public static <T> JsonType<T> json(Class<T> javaType, JsonCodec codec) {
        return new JsonType<>(javaType, codec);
    }

    /** PostgreSQL ARRAY of {@code elementType} ↔ {@code List<E>}; other dialects cannot express it. */
    public static <E> ArrayType<E> array(SqlType<E> elementType) {
        return new ArrayType<>(elementType);
    }
}
