package org.jalchemy.orm.mapping;

import java.util.List;

/**
 * A table-level declaration of an entity: an index ({@link Kind#INDEX}, possibly unique), a
 * multi-column UNIQUE constraint, or a CHECK constraint ({@code sql} set, no properties).
 * {@code name} is null when the database (or the schema layer's convention) names it.
 */
public record TableConstraint(Kind kind, String name, List<ColumnProperty> properties, boolean unique, String sql) {
    /** What the declaration is. */
    public enum Kind { INDEX, UNIQUE, CHECK }
}
