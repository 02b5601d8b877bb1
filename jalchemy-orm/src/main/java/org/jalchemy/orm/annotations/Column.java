package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column options of a mapped field (SQLAlchemy's {@code mapped_column(...)}). Optional: an
 * unannotated field is a nullable column named after the field in snake_case, typed from its
 * Java type. A field's initial value (set by the no-arg constructor) is its client-side default.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
    /** Column name; empty means the field name in snake_case ({@code userId} → {@code user_id}). */
    String name() default "";

    /** NULL allowed. Primary keys and primitive fields are never nullable. */
    boolean nullable() default true;

    /** A single-column UNIQUE constraint. */
    boolean unique() default false;

    /** A single-column index. */
    boolean index() default false;

    /** Whether the database generates the value; AUTO means "a single integer primary key". */
    Autoincrement autoincrement() default Autoincrement.AUTO;

    /** String/binary length; -1 for none. */
    int length() default -1;

    /** Numeric precision; -1 for none. */
    int precision() default -1;

    /** Numeric scale; -1 for none. */
    int scale() default -1;

    /** SQL expression text for the column's server default (e.g. {@code "CURRENT_TIMESTAMP"}, {@code "'new'"}). */
    String serverDefault() default "";

    /**
     * The SQL type, overriding the one inferred from the Java type: a {@code SqlType} subclass with
     * a public static {@code INSTANCE} field or a public no-arg constructor; {@code StringType}
     * takes {@link #length()} and {@code NumericType} {@link #precision()} and {@link #scale()}
     * (docs/schema.md lists every accepted class). {@code SqlType.class}
     * (the default) means "infer". {@code JsonType.class} stores the field as JSON, decoded into the
     * field's own class ({@code Map}, {@code List}, {@code Object}, a record) by the default codec.
     */
    @SuppressWarnings("rawtypes")
    Class<? extends org.jalchemy.types.SqlType> type() default org.jalchemy.types.SqlType.class;

    /** A column comment. */
    String comment() default "";

    /**
     * Deferred (SQLAlchemy's {@code deferred()}): {@code session.execute(select(...))} leaves the
     * column out of the entity's SELECT and the field unloaded (its Java default, usually null)
     * until {@code session.refresh(obj, attribute)} or a query with {@code undefer(attribute)}
     * loads it. For large TEXT/BLOB columns. Not on primary-key columns.
     */
    boolean deferred() default false;

    /** Tri-state autoincrement flag. */
    enum Autoincrement { AUTO, TRUE, FALSE }
}
