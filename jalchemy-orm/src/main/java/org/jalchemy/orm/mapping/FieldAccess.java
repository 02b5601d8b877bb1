package org.jalchemy.orm.mapping;

import java.util.List;

/**
 * Plain-Java access to an entity's column fields, generated at compile time by
 * {@code jalchemy-orm-processor} beside the metamodel (for {@code com.acme.User}: the nested class
 * {@code com.acme.User_.Access}). When it is on the class path, loading builds each object with
 * {@code new} and ordinary field stores instead of method handles: the loop a hand-written JDBC
 * mapper runs.
 *
 * <p>An SPI for generated code, not for applications. Its contract, which the {@link Mapper}
 * checks once when it is built (and otherwise ignores the class and uses method handles, so a
 * stale or foreign implementation can only cost speed, never correctness):
 * <ul>
 *   <li>{@link #fields()} names exactly the mapper's column properties and
 *       {@link #relationships()} its relationships, each in the mapper's order (superclass fields
 *       first), so an index means the same property here and in the mapper; an entity with an
 *       {@code @Embedded} field gets no accessor;</li>
 *   <li>{@link #setAll} stores {@code values[i]} into field {@code i}, skipping a null for a
 *       primitive field (as {@link ColumnProperty#set} does); it and the other writes throw
 *       {@link ClassCastException} for a value of the wrong type, which the callers turn into an
 *       error naming the field.</li>
 * </ul>
 *
 * @param <E> the entity class
 */
public interface FieldAccess<E> {
    /** The column fields {@link #setAll} writes, in order. */
    List<String> fields();

    /** A new instance through the entity's no-arg constructor. */
    E newInstance();

    /** Stores every value of a row into its field; {@code values.length == fields().size()}. */
    void setAll(E object, Object[] values);

    /** Reads column field {@code index} (boxed when primitive). */
    Object get(E object, int index);

    /** Writes column field {@code index}; a null into a primitive field is skipped. */
    void set(E object, int index, Object value);

    /** The relationship fields, in the mapper's order (superclass fields first). */
    List<String> relationships();

    /** Reads relationship field {@code index}. */
    Object getRelationship(E object, int index);

    /** Writes relationship field {@code index}. */
    void setRelationship(E object, int index, Object value);
}
