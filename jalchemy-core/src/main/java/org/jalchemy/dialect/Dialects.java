package org.jalchemy.dialect;

import org.jalchemy.exc.NoSuchModuleError;

import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds dialects by name. Used by the engine for URLs and by users who compile statements without
 * a database: {@code stmt.compile(Dialects.get("postgresql"))}.
 */
public final class Dialects {
    private static volatile Map<String, DialectProvider> providers;

    private Dialects() {
    }

    /** A new dialect for {@code name}; raises {@link NoSuchModuleError} listing the known ones. */
    public static Dialect get(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        DialectProvider p = providers().get(key);
        if (p == null) {
            throw new NoSuchModuleError("No jalchemy dialect for '" + name + "'. Known dialects: "
                    + String.join(", ", providers().keySet()) + ".");
        }
        return p.create(key);
    }

    /** Names of every dialect found on the class path, sorted. */
    public static java.util.Set<String> names() {
        return providers().keySet();
    }

    private static Map<String, DialectProvider> providers() {
        Map<String, DialectProvider> p = providers;
        if (p == null) {
            synchronized (Dialects.class) {
                p = providers;
                if (p == null) {
                    p = new TreeMap<>();
                    for (DialectProvider dp : ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader())) {
                        for (String n : dp.names()) {
                            p.putIfAbsent(n, dp);
                        }
                    }
                    providers = p;
                }
            }
        }
        return p;
    }
}
