package org.jalchemy.exc;

/** A column asked for by name does not exist on the table, row or entity. */
public class NoSuchColumnError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public NoSuchColumnError(String message) {
        super(message);
    }

    public NoSuchColumnError(String message, Throwable cause) {
        super(message, cause);
    }
}
