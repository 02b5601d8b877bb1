package org.jalchemy.exc;

/** The driver itself failed (bad driver configuration, protocol error), not the database. */
public class InterfaceError extends DBAPIError {
    private static final long serialVersionUID = 1L;

    public InterfaceError(Details details) {
        super(details);
    }
}
