package org.jalchemy.migrate.ops;

import org.jalchemy.migrate.MigrationError;

/** An operation has no automatic inverse (raw SQL, a drop that does not carry what it dropped). */
public final class IrreversibleOpException extends MigrationError {
    private static final long serialVersionUID = 1L;

    public IrreversibleOpException(MigrateOp op) {
        super("Operation '" + op.describe() + "' cannot be reversed automatically: write its downgrade by hand"
                + " (it lacks the definition of what it removes, or is raw SQL)");
    }
}
