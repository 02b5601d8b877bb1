package org.jalchemy.orm.mapping;

import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.annotations.AfterDelete;
import org.jalchemy.orm.annotations.AfterInsert;
import org.jalchemy.orm.annotations.AfterUpdate;
import org.jalchemy.orm.annotations.BeforeDelete;
import org.jalchemy.orm.annotations.BeforeInsert;
import org.jalchemy.orm.annotations.BeforeUpdate;
import org.jalchemy.orm.annotations.Validates;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An entity class's lifecycle methods ({@code @BeforeInsert} ... {@code @AfterDelete}) and
 * {@code @Validates} methods, found once when its {@link Mapper} is built (reflection there only)
 * and called through method handles. Superclass methods first, then declaration order.
 * Immutable.
 */
public final class EntityCallbacks {
    /** When a lifecycle callback runs. */
    public enum Kind { BEFORE_INSERT, AFTER_INSERT, BEFORE_UPDATE, AFTER_UPDATE, BEFORE_DELETE, AFTER_DELETE }

    /** A validator of one attribute: {@code handle} is {@code (Object entity, Object value) -> Object}; void ones return null. */
    public record Validator(ColumnProperty property, MethodHandle handle, boolean returnsValue, String method) {
    }

    private static final Map<Class<? extends Annotation>, Kind> KINDS = Map.of(
            BeforeInsert.class, Kind.BEFORE_INSERT, AfterInsert.class, Kind.AFTER_INSERT,
            BeforeUpdate.class, Kind.BEFORE_UPDATE, AfterUpdate.class, Kind.AFTER_UPDATE,
            BeforeDelete.class, Kind.BEFORE_DELETE, AfterDelete.class, Kind.AFTER_DELETE);
    private static final MethodType CALLBACK = MethodType.methodType(void.class, Object.class);
    private static final MethodType VALIDATOR = MethodType.methodType(Object.class, Object.class, Object.class);

    private final Map<Kind, List<MethodHandle>> callbacks;
    private final List<Validator> validators;

    private EntityCallbacks(Map<Kind, List<MethodHandle>> callbacks, List<Validator> validators) {
        this.callbacks = callbacks;
        this.validators = validators;
    }

    /** Scans {@code type} and its superclasses; errors name the method. */
    static EntityCallbacks scan(Class<?> type, Map<String, ColumnProperty> byName) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        Map<Kind, List<MethodHandle>> cbs = new EnumMap<>(Kind.class);
        List<Validator> vals = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Method m : c.getDeclaredMethods()) {
                String where = c.getName() + "." + m.getName() + "()";
                for (Map.Entry<Class<? extends Annotation>, Kind> e : KINDS.entrySet()) {
                    if (m.isAnnotationPresent(e.getKey())) {
                        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                            throw new MappingError("@" + e.getKey().getSimpleName() + " method " + where
                                    + " must be an instance method without parameters");
                        }
                        cbs.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(handle(c, m, where).asType(CALLBACK));
                    }
                }
                Validates v = m.getAnnotation(Validates.class);
                if (v != null) {
                    if (m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())) {
                        throw new MappingError("@Validates method " + where + " must be an instance method taking "
                                + "the attribute's value");
                    }
                    boolean returns = m.getReturnType() != void.class;
                    MethodHandle h = handle(c, m, where);
                    h = returns ? h.asType(VALIDATOR)
                            : MethodHandles.filterReturnValue(h.asType(MethodType.methodType(void.class, Object.class,
                            Object.class)), MethodHandles.constant(Object.class, null));
                    for (String name : v.value()) {
                        ColumnProperty p = byName.get(name);
                        if (p == null) {
                            throw new MappingError("@Validates(\"" + name + "\") on " + where + ": no such attribute; "
                                    + "the attributes are " + byName.keySet());
                        }
                        vals.add(new Validator(p, h, returns, where));
                    }
                }
            }
        }
        return new EntityCallbacks(cbs, List.copyOf(vals));
    }

    private static MethodHandle handle(Class<?> c, Method m, String where) {
        try {
            return MethodHandles.privateLookupIn(c, MethodHandles.lookup()).unreflect(m);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingError("Cannot access method " + where + ": " + e.getMessage()
                    + " (in a named module, open the package to org.jalchemy.orm)", e);
        }
    }

    /** True when the class has any callback or validator. */
    public boolean isEmpty() {
        return callbacks.isEmpty() && validators.isEmpty();
    }

    public List<MethodHandle> callbacks(Kind kind) {
        return callbacks.getOrDefault(kind, List.of());
    }

    public List<Validator> validators() {
        return validators;
    }
}
