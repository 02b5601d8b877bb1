package org.jalchemy.exc;

/** A foreign key names a column its referenced table does not have. Raised when the foreign key is resolved: at DDL compile time, dependency sorting or createAll. */
public class NoReferencedColumnError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public NoReferencedColumnError(String message) {
        super(message);
    }
}
