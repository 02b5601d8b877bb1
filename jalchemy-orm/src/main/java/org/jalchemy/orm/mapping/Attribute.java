package org.jalchemy.orm.mapping;

import org.jalchemy.sql.ColumnElement;
import org.jalchemy.types.SqlType;

import java.util.Objects;

/**
 * A typed mapped attribute of an entity: what the metamodel's {@code User_.username} is, and a
 * Core {@link ColumnElement}, so it is usable where a column is and its operators are checked by
 * javac against {@code T}.
 *
 * <p>Created without touching the mapper (the metamodel's static initialiser must not map
 * anything); the mapper is resolved on first use and a mapping error surfaces then. Immutable;
 * equal when entity and name are.
 */
public final class Attribute<E, T> extends ColumnElement<T> {
    private final Class<E> entity;
    private final String name;
    private final Class<T> javaType;
    private volatile ColumnProperty property;

    private Attribute(Class<E> entity, String name, Class<T> javaType) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.name = Objects.requireNonNull(name, "name");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    /** The attribute {@code name} of {@code entity}, of Java type {@code javaType}. */
    public static <E, T> Attribute<E, T> of(Class<E> entity, String name, Class<T> javaType) {
        return new Attribute<>(entity, name, javaType);
    }

    public Class<E> entity() {
        return entity;
    }

    /** The attribute (field) name. */
    public String name() {
        return name;
    }

    public Class<T> javaType() {
        return javaType;
    }

    /** The mapper of {@link #entity()}. */
    public Mapper<E> mapper() {
        return Mapper.of(entity);
    }

    /** The mapped property behind this attribute (resolved once). */
    public ColumnProperty property() {
        ColumnProperty p = property;
        if (p == null) {
            p = Mapper.of(entity).property(name);
            property = p;
        }
        return p;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SqlType<T> type() {
        return (SqlType<T>) property().type();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute<?, ?> a && a.entity == entity && a.name.equals(name);
    }

    @Override
    public int hashCode() {
        return entity.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + "." + name;
    }
}
