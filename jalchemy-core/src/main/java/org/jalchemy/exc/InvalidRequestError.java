package org.jalchemy.exc;

/** The call is well formed but not valid in the current state (for example using a closed connection, committing an inactive transaction). */
public class InvalidRequestError extends JalchemyException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestError(String message) {
        super(message);
    }

    public InvalidRequestError(String message, Throwable cause) {
        super(message, cause);
    }
}
