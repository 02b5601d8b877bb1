package org.jalchemy.migrate.autogenerate;

/**
 * Hooks and switches of a comparison (Alembic's {@code include_object}, {@code include_name},
 * {@code compare_type}, {@code compare_server_default}). STUB: the helper building autogenerate
 * owns this class's contents.
 */
public final class AutogenerateOptions {
    public static AutogenerateOptions defaults() {
        return new AutogenerateOptions();
    }
}
