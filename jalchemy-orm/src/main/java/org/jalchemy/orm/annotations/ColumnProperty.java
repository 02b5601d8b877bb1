package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read-only attribute computed by a SQL expression (SQLAlchemy's {@code column_property},
 * Hibernate's {@code @Formula}): {@code value} names a static no-argument method of the entity
 * returning the {@code ColumnElement} — typically a correlated scalar subquery such as
 * {@code select(func.count(Book_.id)).where(Book_.authorId.eq(Author_.id)).scalarSubquery()}.
 * The method is called once, on first use (so it may use the entity's own metamodel).
 *
 * <p>The expression is selected with the entity ({@code (SELECT ...) AS book_count}); the
 * metamodel attribute ({@code Author_.bookCount}) renders as the expression in WHERE and ORDER BY.
 * The field is never written: no column in DDL, not part of INSERT/UPDATE, assigning it is not a
 * change. After the object is flushed it is unloaded until the session meets its row again (or
 * {@code session.refresh(obj, attribute)}). {@code deferred} leaves it out of queries unless
 * {@code undefer(...)} asks for it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ColumnProperty {
    /** The static no-argument method of the entity that returns the expression. */
    String value();

    /** Not selected unless a query asks for it with {@code undefer(...)} (SQLAlchemy's {@code deferred=True}). */
    boolean deferred() default false;
}
