package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A multi-column UNIQUE constraint declared on the entity class; columns are attribute names. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UniqueConstraint.List.class)
public @interface UniqueConstraint {
    /** Constraint name; empty to let the database name it. */
    String name() default "";

    /** Attribute (field) names. */
    String[] columns();

    /** Container of repeated {@code @UniqueConstraint}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        UniqueConstraint[] value();
    }
}
