package org.jalchemy.exc;

/** A foreign key names a table that is not in its MetaData (or not in the database being reflected). Raised when the foreign key is resolved: at DDL compile time, dependency sorting or createAll. */
public class NoReferencedTableError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public NoReferencedTableError(String message) {
        super(message);
    }
}
