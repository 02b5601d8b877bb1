package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;

/** An object or class handed to the ORM is not an {@code @Entity}. */
public class UnmappedClassError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public UnmappedClassError(String message) {
        super(message);
    }
}
