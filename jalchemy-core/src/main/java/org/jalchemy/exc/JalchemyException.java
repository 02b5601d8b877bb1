package org.jalchemy.exc;

/**
 * Root of every exception jalchemy raises. Unchecked by design: database failures are not
 * recoverable at the call site in most code, and callers that can recover catch the specific
 * subclass ({@link IntegrityError}, {@link TimeoutError}, ...).
 *
 * <p>Invariant: a message never contains a clear-text password; URLs are rendered masked.
 */
public class JalchemyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JalchemyException(String message) {
        super(message);
    }

    public JalchemyException(String message, Throwable cause) {
        super(message, cause);
    }
}
