package org.jalchemy.exc;

/** Bad argument given to a jalchemy API: a malformed URL, an unknown option, an invalid value. Raised before any database work. */
public class ArgumentError extends JalchemyException {
    private static final long serialVersionUID = 1L;

    public ArgumentError(String message) {
        super(message);
    }

    public ArgumentError(String message, Throwable cause) {
        super(message, cause);
    }
}
