package org.jalchemy.orm.mapping;

import java.util.List;

/**
 * Finds the {@link FieldAccess} the annotation processor generated for an entity
 * ({@code pkg.Outer_User_$Access} for {@code pkg.Outer.User}) and accepts it only when its fields
 * and relationships are the mapper's, in order. Any failure (no such class, not accessible, a stale
 * class compiled against other fields) yields null: loading then uses method handles, which are
 * slower but always right. Runs once per mapper, never on a hot path.
 */
final class GeneratedAccess {
    private GeneratedAccess() {
    }

    @SuppressWarnings("unchecked")
    static <E> FieldAccess<E> find(Class<E> type, List<ColumnProperty> properties, List<RelationshipProperty> relationships) {
        String name = type.getName();
        int dot = name.lastIndexOf('.');
        String metamodel = name.substring(0, dot + 1) + name.substring(dot + 1).replace('$', '_') + "_$Access";
        try {
            Class<?> c = Class.forName(metamodel, true, type.getClassLoader());
            if (!FieldAccess.class.isAssignableFrom(c)) {
                return null;
            }
            FieldAccess<E> access = (FieldAccess<E>) c.getDeclaredConstructor().newInstance();
            List<String> fields = access.fields();
            List<String> rels = access.relationships();
            if (fields.size() != properties.size() || rels.size() != relationships.size()) {
                return null;
            }
            for (int i = 0; i < fields.size(); i++) {
                if (!fields.get(i).equals(properties.get(i).name())) {
                    return null;
                }
            }
            for (int i = 0; i < rels.size(); i++) {
                if (!rels.get(i).equals(relationships.get(i).name())) {
                    return null;
                }
            }
            return access;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
