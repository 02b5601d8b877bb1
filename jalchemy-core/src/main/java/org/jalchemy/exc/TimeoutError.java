package org.jalchemy.exc;

/** The connection pool had no connection to hand out within the pool timeout (all poolSize + maxOverflow connections are checked out). */
public class TimeoutError extends JalchemyException {
    private static final long serialVersionUID = 1L;

    public TimeoutError(String message) {
        super(message);
    }

    public TimeoutError(String message, Throwable cause) {
        super(message, cause);
    }
}
