package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A (possibly multi-column) index declared on the entity class; columns are attribute names. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
    /** Index name; empty means {@code ix_<table>_<columns>}. */
    String name() default "";

    /** Attribute (field) names, in index order. */
    String[] columns();

    boolean unique() default false;

    /** Container of repeated {@code @Index}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Index[] value();
    }
}
