package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A (composite) foreign key declared on the entity class (SQLAlchemy's
 * {@code ForeignKeyConstraint} in {@code __table_args__}): {@code columns} are this entity's
 * attribute names, {@code references} the referenced table ({@code "table"} or
 * {@code "schema.table"}) and {@code referencedColumns} its column names, in the same order.
 * The unit of work orders INSERTs and DELETEs by these too. Relationships join on single-column
 * foreign keys only, so a composite one is a constraint and an ordering hint, not a relationship.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ForeignKeyConstraint.List.class)
public @interface ForeignKeyConstraint {
    /** Attribute (field) names of this entity. */
    String[] columns();

    /** The referenced table: {@code "table"} or {@code "schema.table"}. */
    String references();

    /** Referenced column names, one per entry of {@link #columns}. */
    String[] referencedColumns();

    /** Constraint name; empty to let the database (or the naming convention) name it. */
    String name() default "";

    /** ON DELETE action ({@code CASCADE}, {@code SET NULL}, ...); empty for none. */
    String onDelete() default "";

    /** ON UPDATE action; empty for none. */
    String onUpdate() default "";

    /** Container of repeated {@code @ForeignKeyConstraint}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        ForeignKeyConstraint[] value();
    }
}
