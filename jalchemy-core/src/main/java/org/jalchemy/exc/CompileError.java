package org.jalchemy.exc;

/** A statement cannot be rendered as SQL for the target dialect (unsupported construct, missing parameter). Raised at compile time, before anything is sent to the database. */
public class CompileError extends JalchemyException {
    private static final long serialVersionUID = 1L;

    public CompileError(String message) {
        super(message);
    }

    public CompileError(String message, Throwable cause) {
        super(message, cause);
    }
}
