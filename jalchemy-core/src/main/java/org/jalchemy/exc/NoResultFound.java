package org.jalchemy.exc;

/** A result expected to hold exactly one row held none. */
public class NoResultFound extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public NoResultFound(String message) {
        super(message);
    }

    public NoResultFound(String message, Throwable cause) {
        super(message, cause);
    }
}
