package org.jalchemy.exc;

/** The data was wrong for its column: value too long, out of range, invalid text for the type, division by zero (SQLSTATE class 22). */
public class DataError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public DataError(Details details) {
        super(details);
    }
}
