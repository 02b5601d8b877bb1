package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;

/** The unit of work cannot plan a flush (e.g. two objects with the same identity, a NULL primary key). */
public class FlushError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public FlushError(String message) {
        super(message);
    }
}
