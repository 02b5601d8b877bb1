package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the base {@code @Entity} of a class hierarchy mapped with inheritance (SQLAlchemy's
 * {@code polymorphic_on} on the base mapper; JPA's {@code @Inheritance} with
 * {@code @DiscriminatorColumn}). Every {@code @Entity} subclass then maps as part of the hierarchy:
 * queries on a class return instances of its subclasses, and all classes of a single-table or
 * joined hierarchy share one identity map keyed by the base class.
 *
 * <pre>{@code
 * @Entity(table = "employees")
 * @Inheritance(strategy = Strategy.JOINED, polymorphicOn = "type")
 * @PolymorphicIdentity("employee")
 * public class Employee { @Id Integer id; String name; String type; }
 *
 * @Entity(table = "managers")
 * @PolymorphicIdentity("manager")
 * public class Manager extends Employee { String managerName; }
 * }</pre>
 *
 * <p>Subclasses are known to the base once they are mapped: list every class of the hierarchy in
 * {@code Registry.of(...)}, or declare the base {@code sealed} (its permitted subclasses are then
 * mapped with it). The hierarchy is fixed the first time it is used to build a statement or a
 * table; mapping a subclass after that raises {@code MappingError}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inheritance {
    /** How the classes map to tables. */
    Strategy strategy();

    /**
     * The attribute (a field of this base class) holding each row's class as its
     * {@link PolymorphicIdentity} — SQLAlchemy's {@code polymorphic_on}, JPA's discriminator
     * column. Required for {@link Strategy#SINGLE_TABLE} and {@link Strategy#JOINED}; the session
     * sets it on INSERT. Not used by {@link Strategy#CONCRETE}.
     */
    String polymorphicOn() default "";

    /**
     * How a query on a class of a {@link Strategy#JOINED} hierarchy loads the columns of its
     * subclasses' tables by default (SQLAlchemy's {@code polymorphic_load}); per query,
     * {@code Orm.withPolymorphic(...)} and {@code Orm.selectinPolymorphic(...)} override it.
     */
    PolymorphicLoad polymorphicLoad() default PolymorphicLoad.INLINE;

    /** The three inheritance strategies (SQLAlchemy's names; JPA's in parentheses). */
    enum Strategy {
        /** One table for the whole hierarchy, rows told apart by the discriminator (JPA's SINGLE_TABLE). */
        SINGLE_TABLE,
        /** A table per class holding its own columns, joined to its parent's on the primary key (JPA's JOINED). */
        JOINED,
        /** A complete table per concrete class; queries on a base class read a UNION ALL (JPA's TABLE_PER_CLASS). */
        CONCRETE
    }

    /** When a joined hierarchy's subclass tables are read. */
    enum PolymorphicLoad {
        /** LEFT OUTER JOIN every subclass table in the base query: one statement (SQLAlchemy's {@code with_polymorphic="*"}). */
        INLINE,
        /** After the base query, one SELECT per subclass found, by primary key (SQLAlchemy's {@code selectin_polymorphic}). */
        SELECTIN
    }
}
