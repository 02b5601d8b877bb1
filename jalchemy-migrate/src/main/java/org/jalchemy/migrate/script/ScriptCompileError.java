package org.jalchemy.migrate.script;

import org.jalchemy.migrate.MigrationError;

/** A revision script did not compile or load; the message names the file and line. */
public class ScriptCompileError extends MigrationError {
    private static final long serialVersionUID = 1L;

    public ScriptCompileError(String message) {
        super(message);
    }

    public ScriptCompileError(String message, Throwable cause) {
        super(message, cause);
    }
}
