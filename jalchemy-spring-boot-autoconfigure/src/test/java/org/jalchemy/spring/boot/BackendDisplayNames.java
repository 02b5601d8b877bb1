package org.jalchemy.spring.boot;

import org.junit.jupiter.api.DisplayNameGenerator;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Display names {@code method()[backend]} for the per-backend Spring Boot test classes (whose
 * {@link OnBackend} names the backend), so reports and CI count them per database like the
 * parameterised tests of the other modules.
 */
public final class BackendDisplayNames extends DisplayNameGenerator.Standard {
    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        OnBackend on = testClass.getAnnotation(OnBackend.class);
        String base = super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
        return on == null ? base : base + "[" + on.value() + "]";
    }
}
