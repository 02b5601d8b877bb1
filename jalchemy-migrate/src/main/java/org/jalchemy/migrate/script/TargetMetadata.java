package org.jalchemy.migrate.script;

import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.config.MigrateConfig;
import org.jalchemy.orm.Registry;
import org.jalchemy.schema.MetaData;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Loads the models autogenerate compares with, as the config names them ({@code target_entities},
 * {@code target_registry} or {@code target_metadata}), from a class loader that sees the user's
 * compiled classes. Runs once per command (reflection here is off any hot path).
 */
public final class TargetMetadata {
    private TargetMetadata() {
    }

    /** The target MetaData, or null when the config names none. */
    public static MetaData load(MigrateConfig config, ClassLoader loader) {
        List<String> entities = config.getList("target_entities");
        String registry = config.get("target_registry");
        String metadata = config.get("target_metadata");
        if (!entities.isEmpty()) {
            List<Class<?>> classes = new ArrayList<>();
            for (String e : entities) {
                classes.add(load(e, loader, "target_entities"));
            }
            return Registry.of(classes.toArray(Class<?>[]::new)).metadata();
        }
        if (registry != null && !registry.isBlank()) {
            Object r = member(registry, loader, "target_registry");
            if (!(r instanceof Registry reg)) {
                throw new MigrationError("target_registry '" + registry + "' gives " + type(r) + ", not a Registry");
            }
            return reg.metadata();
        }
        if (metadata != null && !metadata.isBlank()) {
            Object m = member(metadata, loader, "target_metadata");
            if (m instanceof Supplier<?> s) {
                m = s.get();
            }
            if (!(m instanceof MetaData md)) {
                throw new MigrationError("target_metadata '" + metadata + "' gives " + type(m) + ", not a MetaData");
            }
            return md;
        }
        return null;
    }

    private static String type(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }

    private static Class<?> load(String name, ClassLoader loader, String key) {
        try {
            return Class.forName(name.trim(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrationError("Cannot load class '" + name + "' named by " + key
                    + ": is it compiled, and is its directory or jar in the config's 'classpath'?", e);
        }
    }

    /** {@code Class#member} (static field or no-argument static method), or a class instantiated with its no-argument constructor. */
    private static Object member(String spec, ClassLoader loader, String key) {
        int hash = spec.indexOf('#');
        Class<?> c = load(hash < 0 ? spec : spec.substring(0, hash), loader, key);
        try {
            if (hash < 0) {
                return c.getDeclaredConstructor().newInstance();
            }
            String m = spec.substring(hash + 1);
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(m) && Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f.get(null);
                }
            }
            Method meth = c.getDeclaredMethod(m);
            if (!Modifier.isStatic(meth.getModifiers())) {
                throw new MigrationError(key + " '" + spec + "': method " + m + " must be static");
            }
            meth.setAccessible(true);
            return meth.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new MigrationError("Cannot read " + key + " '" + spec + "': " + e, e);
        }
    }
}
