package org.jalchemy.exc;

/** A constraint was violated: unique, primary key, foreign key, not null, check (SQLSTATE class 23 and the vendors' equivalents). The statement wrote nothing. */
public class IntegrityError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public IntegrityError(Details details) {
        super(details);
    }
}
