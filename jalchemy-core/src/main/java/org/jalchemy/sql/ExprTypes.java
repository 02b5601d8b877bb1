package org.jalchemy.sql;

import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;

import java.math.BigDecimal;

/**
 * The result types of the expression language's own operators: a predicate is a Boolean,
 * {@code count()} a Long, {@code avg()} a BigDecimal. Aliases of the types package's instances.
 */
final class ExprTypes {
    private ExprTypes() {
    }

    static final SqlType<Boolean> BOOLEAN = org.jalchemy.types.BooleanType.INSTANCE;

    static final SqlType<Long> LONG = org.jalchemy.types.BigIntegerType.INSTANCE;

    static final SqlType<BigDecimal> DECIMAL = new org.jalchemy.types.NumericType(null, null);

    static final SqlType<String> STRING = new StringType(null);

    @SuppressWarnings("unchecked")
    static SqlType<String> stringOf(SqlType<?> t) {
        return t instanceof StringType ? (SqlType<String>) t : STRING;
    }
}
