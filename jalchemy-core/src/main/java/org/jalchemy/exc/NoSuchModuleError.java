package org.jalchemy.exc;

/** A URL names a database or driver that jalchemy has no dialect or driver for. */
public class NoSuchModuleError extends ArgumentError {
    private static final long serialVersionUID = 1L;

    public NoSuchModuleError(String message) {
        super(message);
    }

    public NoSuchModuleError(String message, Throwable cause) {
        super(message, cause);
    }
}
