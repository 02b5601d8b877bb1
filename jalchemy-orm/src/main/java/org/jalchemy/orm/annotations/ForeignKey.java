package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column references another table's column, written {@code "table.column"} (or
 * {@code "schema.table.column"}). The unit of work orders inserts and deletes by these.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
    /** {@code "table.column"}. */
    String value();

    /** ON DELETE action (e.g. {@code CASCADE}); empty for none. */
    String onDelete() default "";

    /** ON UPDATE action; empty for none. */
    String onUpdate() default "";

    /** Constraint name; empty to let the database name it. */
    String name() default "";
}
