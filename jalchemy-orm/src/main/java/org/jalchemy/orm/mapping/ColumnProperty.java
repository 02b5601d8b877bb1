package org.jalchemy.orm.mapping;

import org.jalchemy.orm.MappingError;
import org.jalchemy.types.SqlType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * One mapped field: its column (name, type, options) and an accessor pair built once with
 * {@link MethodHandles#privateLookupIn} and adapted to {@code (Object)Object} /
 * {@code (Object,Object)void}, so reading and writing a field per object involves no reflection.
 *
 * <p>Immutable and shared by every session. {@link #index()} is the property's position in its
 * mapper, also its position in snapshots and row plans. A subclass's mapper shares its
 * superclass's properties (same objects, same indexes) and appends its own.
 *
 * <p>A <b>computed</b> property ({@code @ColumnProperty}, SQLAlchemy's {@code column_property}) has
 * no column in the table: it is a SQL expression, built on first use by the entity's static
 * method and cached, selected with the entity and never written.
 */
public final class ColumnProperty {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final Class<?> entity;
    private final String name;
    private final String columnName;
    private final Class<?> javaType;
    private final boolean primitive;
    private final SqlType<?> type;
    private final int index;
    private final boolean primaryKey;
    private final boolean autoincrement;
    private final boolean nullable;
    private final boolean unique;
    private final boolean indexed;
    private final boolean version;
    private final String serverDefault;
    private final String comment;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** For a computed property: the static method building its expression; null for a stored column. */
    private final MethodHandle expressionFactory;
    private volatile org.jalchemy.sql.ColumnElement<?> expression;
    /** The declaring mapper's generated accessor, bound once while that mapper is built; null: method handles. */
    private FieldAccess<Object> access;

    ColumnProperty(Field field, String columnName, SqlType<?> type, int index, boolean primaryKey,
                   boolean autoincrement, boolean nullable, boolean unique, boolean indexed, boolean version,
                   String serverDefault, String comment) {
        this(field, columnName, type, index, primaryKey, autoincrement, nullable, unique, indexed, version,
                serverDefault, comment, null);
    }

    /** A computed property: {@code field} holds the value of the expression {@code factory} (a static no-arg method) builds. */
    ColumnProperty(Field field, String columnName, SqlType<?> type, int index, MethodHandle factory) {
        this(field, columnName, type, index, false, false, true, false, false, false, null, null, factory);
    }

    private ColumnProperty(Field field, String columnName, SqlType<?> type, int index, boolean primaryKey,
                           boolean autoincrement, boolean nullable, boolean unique, boolean indexed, boolean version,
                           String serverDefault, String comment, MethodHandle factory) {
        this.entity = field.getDeclaringClass();
        this.name = field.getName();
        this.columnName = columnName;
        this.javaType = BasicTypes.box(field.getType());
        this.primitive = field.getType().isPrimitive();
        this.type = type;
        this.index = index;
        this.primaryKey = primaryKey;
        this.autoincrement = autoincrement;
        this.nullable = nullable;
        this.unique = unique;
        this.indexed = indexed;
        this.version = version;
        this.serverDefault = serverDefault;
        this.comment = comment;
        this.expressionFactory = factory;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            if (java.lang.reflect.Modifier.isFinal(field.getModifiers())) {
                field.setAccessible(true);
            }
            this.getter = lookup.unreflectGetter(field).asType(GETTER);
            this.setter = lookup.unreflectSetter(field).asType(SETTER);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingError("Cannot access field " + entity.getName() + "." + name + ": " + e.getMessage()
                    + " (in a named module, open the package to org.jalchemy.orm)", e);
        }
    }

    /** A component of an {@code @Embedded} record field: reads and writes go through {@code getter}/{@code setter}. */
    ColumnProperty(Class<?> entity, String name, String columnName, Class<?> javaType, SqlType<?> type, int index,
                   boolean nullable, MethodHandle getter, MethodHandle setter) {
        this.entity = entity;
        this.name = name;
        this.columnName = columnName;
        this.javaType = BasicTypes.box(javaType);
        this.primitive = false;
        this.type = type;
        this.index = index;
        this.primaryKey = false;
        this.autoincrement = false;
        this.nullable = nullable;
        this.unique = false;
        this.indexed = false;
        this.version = false;
        this.serverDefault = null;
        this.comment = null;
        this.expressionFactory = null;
        this.getter = getter.asType(GETTER);
        this.setter = setter.asType(SETTER);
    }

    /** True for a computed property ({@code @ColumnProperty}): an expression, not a stored column. */
    public boolean computed() {
        return expressionFactory != null;
    }

    /**
     * The SQL expression of a computed property (built by the entity's method on first call, then
     * cached), or null for a stored column. Raises {@link MappingError} when the method fails or
     * returns no expression.
     */
    public org.jalchemy.sql.ColumnElement<?> expression() {
        if (expressionFactory == null) {
            return null;
        }
        org.jalchemy.sql.ColumnElement<?> e = expression;
        if (e == null) {
            Object built;
            try {
                built = expressionFactory.invoke();
            } catch (Throwable t) {
                throw new MappingError("@ColumnProperty " + entity.getSimpleName() + "." + name + ": its expression "
                        + "method failed: " + t, t);
            }
            if (!(built instanceof org.jalchemy.sql.ColumnElement<?> ce)) {
                throw new MappingError("@ColumnProperty " + entity.getSimpleName() + "." + name + ": its expression "
                        + "method returned " + built + ", not a ColumnElement");
            }
            expression = e = ce;
        }
        return e;
    }

    /** Attribute name (the Java field name). */
    public String name() {
        return name;
    }

    /** Column name in the table. */
    public String columnName() {
        return columnName;
    }

    /** The field's Java type, boxed. */
    public Class<?> javaType() {
        return javaType;
    }

    public SqlType<?> type() {
        return type;
    }

    /** Position in the mapper's property list (and in snapshots). */
    public int index() {
        return index;
    }

    public boolean primaryKey() {
        return primaryKey;
    }

    /** True when the database generates the value on INSERT if the field is null. */
    public boolean autoincrement() {
        return autoincrement;
    }

    public boolean nullable() {
        return nullable;
    }

    public boolean unique() {
        return unique;
    }

    public boolean indexed() {
        return indexed;
    }

    /** True for the {@code @Version} column. */
    public boolean version() {
        return version;
    }

    /** Server default SQL text, or null. */
    public String serverDefault() {
        return serverDefault;
    }

    /** Column comment, or null. */
    public String comment() {
        return comment;
    }

    /** Reads the field of {@code entity}. */
    public Object get(Object entity) {
        FieldAccess<Object> a = access;
        if (a != null) {
            return a.get(entity, index);
        }
        try {
            return getter.invokeExact(entity);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes the field; a null into a primitive field is ignored (the field keeps its value). */
    public void set(Object entity, Object value) {
        if (value == null && primitive) {
            return;
        }
        try {
            FieldAccess<Object> a = access;
            if (a != null) {
                a.set(entity, index, value);
            } else {
                setter.invokeExact(entity, value);
            }
        } catch (ClassCastException e) {
            throw new org.jalchemy.exc.ArgumentError("Cannot set " + this.entity.getSimpleName() + "." + name + " ("
                    + javaType.getName() + ") to a value of type " + value.getClass().getName(), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Routes {@link #get}/{@link #set} through {@code a} (whose field {@link #index()} is this one); by the mapper, once. */
    @SuppressWarnings("unchecked")
    void bind(FieldAccess<?> a) {
        this.access = (FieldAccess<Object>) a;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + "." + name;
    }
}
