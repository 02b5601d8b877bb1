package org.jalchemy.sql;

/**
 * An option attached to a statement for the layer that executes it, not for SQL compilation
 * (SQLAlchemy's {@code ExecutableOption}): the ORM's loader options ({@code selectinload(...)})
 * implement it. Options are carried by {@link Select#options} unchanged, are not rendered and
 * are not part of the compiled-cache key; Core execution ignores them.
 */
public interface ExecutableOption {
}
