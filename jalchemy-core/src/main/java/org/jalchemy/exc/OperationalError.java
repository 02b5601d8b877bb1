package org.jalchemy.exc;

/** The database could not do the operation for reasons outside the statement: connection lost or refused, wrong password, lock timeout, deadlock, serialization failure, disk full. Often transient. */
public class OperationalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public OperationalError(Details details) {
        super(details);
    }
}
