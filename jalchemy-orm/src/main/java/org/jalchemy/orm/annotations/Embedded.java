package org.jalchemy.orm.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record field stored as several columns, one per record component (SQLAlchemy's
 * {@code composite}, JPA's {@code @Embedded}): {@code @Embedded Point start} maps columns
 * {@code start_x}, {@code start_y}. The field is null exactly when all its columns are NULL.
 * The metamodel's {@code Shape_.start} is a {@code CompositeAttribute}, comparable in queries
 * ({@code Shape_.start.eq(new Point(1, 2))}). Without this annotation a record field is one JSON column.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Embedded {
    /** Column name prefix; default: the field name in snake_case. Columns are {@code prefix_component}. */
    String prefix() default "";
}
