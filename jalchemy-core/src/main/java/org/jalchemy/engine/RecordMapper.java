package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds Java records from result rows: the canonical constructor is looked up once (as a
 * spreading {@link MethodHandle}) and the column-to-component order decided once; each row then
 * costs one constructor call (plus an argument array when columns must be reordered).
 */
final class RecordMapper<R> {
    private final Class<R> type;
    private final MethodHandle ctor;
    private final int[] order;
    private final String[] componentNames;

    private RecordMapper(Class<R> type, MethodHandle ctor, int[] order, String[] componentNames) {
        this.type = type;
        this.ctor = ctor;
        this.order = order;
        this.componentNames = componentNames;
    }

    private static String norm(String s) {
        return s.replace("_", "").toLowerCase(Locale.ROOT);
    }

    static <R extends Record> RecordMapper<R> of(Class<R> type, RowMetadata md) {
        RecordComponent[] comps = type.getRecordComponents();
        if (comps == null) {
            throw new ArgumentError(type.getName() + " is not a record");
        }
        Class<?>[] ptypes = new Class<?>[comps.length];
        String[] names = new String[comps.length];
        for (int i = 0; i < comps.length; i++) {
            ptypes[i] = comps[i].getType();
            names[i] = comps[i].getName();
        }
        Map<String, Integer> cols = new HashMap<>();
        for (int i = md.size() - 1; i >= 0; i--) {
            cols.put(norm(md.name(i)), i);
        }
        int[] order = new int[comps.length];
        boolean byName = true;
        for (int i = 0; i < comps.length; i++) {
            Integer idx = cols.get(norm(names[i]));
            if (idx == null) {
                byName = false;
                break;
            }
            order[i] = idx;
        }
        if (!byName) {
            if (comps.length != md.size()) {
                throw new ArgumentError("Cannot map result columns " + md.keys() + " onto record " + type.getName()
                        + " with components " + java.util.Arrays.toString(names)
                        + ": names do not match and the counts differ");
            }
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        boolean identity = order.length == md.size();
        for (int i = 0; identity && i < order.length; i++) {
            identity = order[i] == i;
        }
        try {
            MethodHandles.Lookup lookup;
            try {
                lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            } catch (IllegalAccessException e) {
                lookup = MethodHandles.publicLookup();
            }
            MethodHandle mh = lookup.findConstructor(type, MethodType.methodType(void.class, ptypes));
            mh = mh.asSpreader(Object[].class, ptypes.length).asType(MethodType.methodType(Object.class, Object[].class));
            return new RecordMapper<>(type, mh, identity ? null : order, names);
        } catch (ReflectiveOperationException e) {
            throw new ArgumentError("Cannot use the canonical constructor of record " + type.getName() + ": " + e, e);
        }
    }

    R map(Object[] values) {
        Object[] args = values;
        if (order != null) {
            args = new Object[order.length];
            for (int i = 0; i < order.length; i++) {
                args[i] = values[order[i]];
            }
        }
        try {
            return type.cast((Object) ctor.invokeExact(args));
        } catch (ClassCastException | NullPointerException e) {
            throw new ArgumentError("Cannot build " + type.getSimpleName() + java.util.Arrays.toString(componentNames)
                    + " from values " + java.util.Arrays.toString(args) + ": " + e, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new ArgumentError("Constructor of " + type.getName() + " failed: " + t, t);
        }
    }
}
