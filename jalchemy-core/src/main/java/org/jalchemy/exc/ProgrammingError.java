package org.jalchemy.exc;

/** The statement is wrong for this database: syntax error, unknown table or column, wrong number of parameters (SQLSTATE class 42). */
public class ProgrammingError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public ProgrammingError(Details details) {
        super(details);
    }
}
