package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;

/**
 * An operation needs the object to belong to an open session, and it does not (it was expunged,
 * its session closed, or it was loaded by another session). The message names entity and key.
 */
public class DetachedInstanceError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public DetachedInstanceError(String message) {
        super(message);
    }
}
