package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version counter for optimistic locking (SQLAlchemy's {@code version_id_col}): an integer
 * field set to 1 on insert and incremented by every UPDATE, which also checks the old value;
 * a mismatch raises {@code StaleDataError}. At most one per entity.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}
