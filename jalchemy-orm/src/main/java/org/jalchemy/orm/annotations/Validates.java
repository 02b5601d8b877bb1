package org.jalchemy.orm.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity method validating attributes (SQLAlchemy's {@code @validates}): it takes the
 * attribute's value and either returns the value to store (of the field's type: normalise it) or
 * returns void; it throws to reject. Java cannot intercept a field assignment, so it runs at
 * flush, before the INSERT (every named attribute) or UPDATE (the named attributes that changed);
 * an exception stops the flush before any statement of it runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Validates {
    /** Attribute (field) names. */
    String[] value();
}
