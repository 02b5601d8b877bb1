package org.jalchemy.migrate.runtime;

import org.jalchemy.migrate.MigrationError;

/** Another migrator holds the database's migration lock; the message names it and how long was waited. */
public final class MigrationLockError extends MigrationError {
    private static final long serialVersionUID = 1L;

    public MigrationLockError(String message) {
        super(message);
    }
}
