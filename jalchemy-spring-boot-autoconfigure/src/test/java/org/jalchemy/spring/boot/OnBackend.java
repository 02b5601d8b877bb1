package org.jalchemy.spring.boot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The backend ({@code sqlite}, {@code postgresql}, {@code mariadb}) a Spring Boot test class runs on. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface OnBackend {
    String value();
}
