package org.jalchemy.migrate;

import org.jalchemy.exc.JalchemyException;

/**
 * Base of the errors jalchemy-migrate raises itself (Alembic's {@code CommandError} family): a
 * bad target, a missing or ambiguous revision, a script that does not compile, a held migration
 * lock. Database failures during a migration surface as the engine's {@code DBAPIError}s.
 */
public class MigrationError extends JalchemyException {
    private static final long serialVersionUID = 1L;

    public MigrationError(String message) {
        super(message);
    }

    public MigrationError(String message, Throwable cause) {
        super(message, cause);
    }
}
