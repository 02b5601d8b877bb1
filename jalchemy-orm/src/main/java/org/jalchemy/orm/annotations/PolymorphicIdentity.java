package org.jalchemy.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of the hierarchy's discriminator ({@link Inheritance#polymorphicOn()}) that marks a row
 * as this class (SQLAlchemy's {@code polymorphic_identity}, JPA's {@code @DiscriminatorValue}).
 * Every concrete class of a single-table or joined hierarchy needs one, and no two classes may
 * share one; abstract classes have none. The text is converted to the discriminator's Java type
 * (a String, an integer or an enum constant's name). Concrete-table hierarchies need none (the
 * class name is used to tell rows apart in the UNION).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PolymorphicIdentity {
    String value();
}
