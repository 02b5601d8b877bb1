package org.jalchemy.exc;

/** A table asked for by name (reflection, lookup in a MetaData) does not exist. */
public class NoSuchTableError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public NoSuchTableError(String message) {
        super(message);
    }

    public NoSuchTableError(String message, Throwable cause) {
        super(message, cause);
    }
}
