package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a Java {@code enum} field is stored, in SQLAlchemy's terms ({@code Enum(MyEnum, name=...,
 * native_enum=..., create_constraint=..., length=...)}); without it an enum field is a native enum
 * named after the class in lower case where the database has one (PostgreSQL, MySQL/MariaDB) and a
 * VARCHAR with a CHECK elsewhere. Every form stores the constant names, so a field maps onto a
 * column SQLAlchemy created whichever form it chose. The options matter for DDL
 * ({@code createAll}, migrations) only; reading and writing are the same.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Enumerated {
    /** The PostgreSQL type name (SQLAlchemy's {@code name}); empty: the enum class's simple name in lower case. */
    String name() default "";

    /** False: VARCHAR on every database (SQLAlchemy's {@code native_enum=False}). */
    boolean nativeEnum() default true;

    /**
     * Whether VARCHAR storage gets a CHECK listing the names. SQLAlchemy 1.4 creates none unless
     * told ({@code create_constraint=False} by default); jalchemy does by default.
     */
    boolean createConstraint() default true;

    /** The VARCHAR length; -1: the longest constant name. */
    int length() default -1;
}
