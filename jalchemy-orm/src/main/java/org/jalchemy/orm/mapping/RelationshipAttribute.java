package org.jalchemy.orm.mapping;

import org.jalchemy.exc.ArgumentError;

/**
 * A typed relationship of an entity — what the metamodel's {@code User_.posts} is — used in loader
 * options ({@code selectinload(User_.posts)}) and, chained, to check paths at compile time:
 * {@code selectinload(User_.posts).joinedload(Post_.comments)} needs {@code Post_.comments} to
 * start where {@code User_.posts} ends ({@code T}).
 *
 * <p>Resolves its {@link RelationshipProperty} lazily, so loading {@code User_} maps nothing.
 * Immutable.
 *
 * @param <E> the entity holding the relationship
 * @param <T> the related entity (the element type of a collection)
 */
public final class RelationshipAttribute<E, T> {
    private final Class<E> owner;
    private final String name;
    private final Class<T> target;

    private RelationshipAttribute(Class<E> owner, String name, Class<T> target) {
        this.owner = owner;
        this.name = name;
        this.target = target;
    }

    /** The relationship {@code name} of {@code owner}, targeting {@code target} (what {@code User_} calls). */
    public static <E, T> RelationshipAttribute<E, T> of(Class<E> owner, String name, Class<T> target) {
        return new RelationshipAttribute<>(owner, name, target);
    }

    /** The relationship {@code name} of {@code owner}, by name (no metamodel); unknown names raise {@code NoSuchColumnError}. */
    @SuppressWarnings("unchecked")
    public static <E> RelationshipAttribute<E, Object> named(Class<E> owner, String name) {
        RelationshipProperty p = Mapper.of(owner).relationship(name);
        return new RelationshipAttribute<>(owner, name, (Class<Object>) p.targetType());
    }

    /** The mapped relationship; raises when the entity has no such relationship or it targets another class. */
    public RelationshipProperty property() {
        RelationshipProperty p = Mapper.of(owner).relationship(name);
        if (p.targetType() != target && target != Object.class) {
            throw new ArgumentError("Relationship " + p.where() + " targets " + p.targetType().getSimpleName() + ", not "
                    + target.getSimpleName() + " (is the generated metamodel stale? rebuild)");
        }
        return p;
    }

    public Class<E> owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public Class<T> target() {
        return target;
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
