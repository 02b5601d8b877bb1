package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a primary-key column. Several {@code @Id} fields make a composite key (in field order).
 * A single integer {@code @Id} is autoincrement unless {@code @Column(autoincrement = FALSE)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Id {
}
