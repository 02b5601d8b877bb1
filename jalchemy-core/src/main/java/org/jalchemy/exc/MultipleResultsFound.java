package org.jalchemy.exc;

/** A result expected to hold at most one row held more. */
public class MultipleResultsFound extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public MultipleResultsFound(String message) {
        super(message);
    }

    public MultipleResultsFound(String message, Throwable cause) {
        super(message, cause);
    }
}
