package org.jalchemy.orm.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument instance method of an entity that the flush calls on each object before its INSERT (JPA's @PrePersist).
 * Inherited methods count; several per class run in declaration order, superclass first. See
 * {@code org.jalchemy.orm.OrmEvents} for listeners registered from outside the class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeInsert {
}
