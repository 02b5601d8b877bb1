package org.jalchemy.exc;

/** The database or driver does not support the requested feature (SQLSTATE class 0A). */
public class NotSupportedError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public NotSupportedError(Details details) {
        super(details);
    }
}
