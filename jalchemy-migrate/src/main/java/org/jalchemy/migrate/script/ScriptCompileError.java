package org.jalchemy.migrate.script;

import org.jalchemy.migrate.MigrationError;

import java.util.List;

/**
 * A revision script did not compile or load. The message is one line naming the file, the line
 * and the compiler's message of the first error (with a count of the others);
 * {@link #diagnostics()} has every error as {@code file:line: message}.
 */
public class ScriptCompileError extends MigrationError {
    private static final long serialVersionUID = 1L;

    private final List<String> diagnostics;

    public ScriptCompileError(String message) {
        super(message);
        this.diagnostics = List.of(message);
    }

    public ScriptCompileError(String message, Throwable cause) {
        super(message, cause);
        this.diagnostics = List.of(message);
    }

    /** A compile failure: {@code message} summarises, {@code diagnostics} lists every error. */
    public ScriptCompileError(String message, List<String> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every error, one per entry, as {@code file:line: message}. */
    public List<String> diagnostics() {
        return diagnostics;
    }
}
