package org.jalchemy.exc;

/** An error the database reported that fits no narrower class. */
public class DatabaseError extends DBAPIError {
    private static final long serialVersionUID = 1L;

    public DatabaseError(Details details) {
        super(details);
    }
}
