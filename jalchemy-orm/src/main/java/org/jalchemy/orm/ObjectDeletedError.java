package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;

/** The row of a persistent object no longer exists (found when refreshing it). Names entity and key. */
public class ObjectDeletedError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public ObjectDeletedError(String message) {
        super(message);
    }
}
