package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plain Java class as mapped to a table (SQLAlchemy's declarative class with
 * {@code __tablename__}). Every non-static field that is neither {@code transient} nor
 * {@link Transient @Transient} is a column; the class needs a no-arg constructor of any visibility.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {
    /** Table name; empty means the class's simple name in snake_case. */
    String table() default "";

    /** Schema name; empty means the default schema. */
    String schema() default "";
}
