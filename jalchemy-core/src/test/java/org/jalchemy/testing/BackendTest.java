package org.jalchemy.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs once per live backend, taking a {@link Backend} as its first parameter.
 * Its invocation is named by the backend in brackets; reports show {@code commits(Backend) [postgresql]},
 * which is what the reports and CI's per-backend count read.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{0}]")
@ArgumentsSource(BackendsProvider.class)
public @interface BackendTest {
}
