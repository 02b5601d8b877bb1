package org.jalchemy.migrate.lint;

/**
 * How bad a finding is. {@link #ERROR}: data is lost, or the application breaks or the migration
 * fails. {@link #WARNING}: the operation blocks reads or writes of a table for a time that grows
 * with its size (a rewrite, a full scan under a lock, a table copy). {@link #ADVICE}: a choice that
 * is cheap now and expensive to undo later; printed, but never counted as a lint failure.
 */
public enum Severity {
    ERROR, WARNING, ADVICE;

    /** Lower case, as printed: {@code error}, {@code warning}, {@code advice}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
