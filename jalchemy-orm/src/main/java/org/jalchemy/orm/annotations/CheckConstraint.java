package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A CHECK constraint declared on the entity class; {@code value} is SQL over column names. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(CheckConstraint.List.class)
public @interface CheckConstraint {
    /** The SQL condition, e.g. {@code "price >= 0"}. */
    String value();

    /** Constraint name; empty to let the database name it. */
    String name() default "";

    /** Container of repeated {@code @CheckConstraint}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        CheckConstraint[] value();
    }
}
