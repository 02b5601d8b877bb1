package org.jalchemy.orm.mapping;

import org.jalchemy.orm.MappingError;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;

/**
 * Reads and writes one component of an {@code @Embedded} record field as if it were a field of
 * the entity, so each component is an ordinary {@link ColumnProperty}: reading gives null when
 * the record is null; writing rebuilds the (immutable) record with that component replaced, and
 * sets the field to null when every component becomes null. Method handles built once per mapper.
 */
final class EmbeddedAccess {
    private final MethodHandle fieldGetter; // (Object)Object
    private final MethodHandle fieldSetter; // (Object,Object)void
    private final MethodHandle[] accessors; // (Object)Object each
    private final MethodHandle constructor; // (Object[])Object
    private final Object[] defaults; // primitives' zero values, null for reference types

    EmbeddedAccess(Field field) {
        Class<?> type = field.getType();
        if (!type.isRecord()) {
            throw new MappingError("@Embedded field " + field.getDeclaringClass().getName() + "." + field.getName()
                    + " must have a record type, not " + type.getName());
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            MethodHandles.Lookup rl = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            fieldGetter = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            fieldSetter = lookup.unreflectSetter(field).asType(MethodType.methodType(void.class, Object.class, Object.class));
            RecordComponent[] rc = type.getRecordComponents();
            accessors = new MethodHandle[rc.length];
            defaults = new Object[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                accessors[i] = rl.unreflect(rc[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
                types[i] = rc[i].getType();
                defaults[i] = types[i].isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(types[i], 1), 0) : null;
            }
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            constructor = rl.unreflectConstructor(ctor).asType(MethodType.methodType(Object.class, types).generic())
                    .asSpreader(Object[].class, rc.length);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingError("Cannot access @Embedded field " + field.getDeclaringClass().getName() + "."
                    + field.getName() + ": " + e.getMessage() + " (in a named module, open the package to org.jalchemy.orm)", e);
        }
    }

    int size() {
        return accessors.length;
    }

    Object component(Object record, int k) {
        try {
            return record == null ? null : (Object) accessors[k].invokeExact(record);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    Object get(Object entity, int k) {
        try {
            return component((Object) fieldGetter.invokeExact(entity), k);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    void set(Object entity, int k, Object value) {
        try {
            Object r = (Object) fieldGetter.invokeExact(entity);
            Object[] args = new Object[accessors.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = i == k ? value : component(r, i);
            }
            fieldSetter.invokeExact(entity, (Object) build(args));
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    /** A record from component values (null when all are null). */
    Object build(Object[] values) {
        boolean any = false;
        Object[] args = values.clone();
        for (int i = 0; i < args.length; i++) {
            any |= args[i] != null;
            if (args[i] == null) {
                args[i] = defaults[i];
            }
        }
        try {
            return any ? (Object) constructor.invokeExact(args) : null;
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    /** Component {@code k} as a {@code (Object entity)Object} handle. */
    MethodHandle getter(int k) {
        return MethodHandles.insertArguments(GET, 0, this, k);
    }

    /** Component {@code k} as a {@code (Object entity, Object value)void} handle. */
    MethodHandle setter(int k) {
        return MethodHandles.insertArguments(SET, 0, this, k);
    }

    private static Object getAt(EmbeddedAccess a, int k, Object entity) {
        return a.get(entity, k);
    }

    private static void setAt(EmbeddedAccess a, int k, Object entity, Object value) {
        a.set(entity, k, value);
    }

    private static final MethodHandle GET;
    private static final MethodHandle SET;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            GET = l.findStatic(EmbeddedAccess.class, "getAt",
                    MethodType.methodType(Object.class, EmbeddedAccess.class, int.class, Object.class));
            SET = l.findStatic(EmbeddedAccess.class, "setAt",
                    MethodType.methodType(void.class, EmbeddedAccess.class, int.class, Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static RuntimeException sneaky(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
