package org.jalchemy.dialect;

import java.util.Set;

/**
 * Service-provider entry for one dialect package, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.jalchemy.dialect.DialectProvider}). A provider answers for one or
 * more URL backend names and makes a fresh {@link Dialect} per engine.
 */
public interface DialectProvider {
    /** URL backend names this provider answers for, lower case (e.g. {@code mysql}, {@code mariadb}). */
    Set<String> names();

    /** A new dialect instance for the given backend name (one of {@link #names()}). */
    Dialect create(String backendName);
}
