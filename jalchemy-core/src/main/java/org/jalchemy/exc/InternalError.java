package org.jalchemy.exc;

/** The database reported an internal inconsistency (SQLSTATE classes XX, 25 invalid transaction state). */
public class InternalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public InternalError(Details details) {
        super(details);
    }
}
