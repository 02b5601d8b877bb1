package org.jalchemy.orm.mapping;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.types.SqlType;

/**
 * A typed mapped attribute of an entity — what the metamodel's {@code User_.username} is — and
 * the Core column of its mapper's {@link MappedTable}, so it is usable wherever a column is:
 * {@code select(User.class).where(User_.username.eq("Carlos"))} is checked by javac against
 * {@code T}. {@link #name()} is the column name (what SQL sees); {@link #key()} is the attribute
 * (field) name.
 *
 * <p>One instance per mapped field and mapper, created by its {@link Mapper}; immutable. Loading a
 * metamodel class ({@code User_}) maps its entity, so a mapping error surfaces there at the latest.
 * With inheritance, {@code Manager_.name} (inherited from {@code Employee}) is an attribute of
 * {@code Manager} that renders as the column of the table holding it ({@code employees.name}).
 * A computed attribute ({@code @ColumnProperty}) renders as its expression.
 */
public final class Attribute<E, T> extends ColumnClause<T> {
    private final Class<E> entity;
    private final ColumnProperty property;

    @SuppressWarnings("unchecked")
    Attribute(Class<E> entity, ColumnProperty property, MappedTable<?> table) {
        super(property.columnName(), (SqlType<T>) property.type(), table);
        this.entity = entity;
        this.property = property;
    }

    /** The attribute {@code key} of {@code entity}, checked to hold {@code javaType} values (what {@code User_} calls). */
    @SuppressWarnings("unchecked")
    public static <E, T> Attribute<E, T> of(Class<E> entity, String key, Class<T> javaType) {
        Attribute<E, ?> a = Mapper.of(entity).attribute(key);
        if (a.property.javaType() != javaType) {
            throw new ArgumentError("Attribute " + entity.getSimpleName() + "." + key + " holds "
                    + a.property.javaType().getName() + " values, not " + javaType.getName()
                    + " (is the generated metamodel stale? rebuild)");
        }
        return (Attribute<E, T>) a;
    }

    public Class<E> entity() {
        return entity;
    }

    /** The attribute (Java field) name, e.g. {@code userId} for column {@code user_id}. */
    public String key() {
        return property.name();
    }

    /** The Java type of the attribute's values (boxed). */
    @SuppressWarnings("unchecked")
    public Class<T> javaType() {
        return (Class<T>) property.javaType();
    }

    /** The mapper of {@link #entity()}. */
    public Mapper<E> mapper() {
        return Mapper.of(entity);
    }

    /** The mapped property behind this attribute. */
    public ColumnProperty property() {
        return property;
    }

    /** A computed property's SQL expression (how this attribute renders), or null for a stored column. */
    @Override
    protected org.jalchemy.sql.ColumnElement<?> expression() {
        return property.expression();
    }
}
