package org.jalchemy.orm;

/**
 * The row lock {@link Session#refresh(Object, LockMode)} takes while it reloads an object:
 * {@code SELECT ... FOR UPDATE [NOWAIT | SKIP LOCKED]} (SQLAlchemy's {@code with_for_update}).
 * The lock lasts until the session's transaction ends. SQLite has no row locks and ignores it
 * (a write transaction locks the whole database).
 */
public enum LockMode {
    /** {@code FOR UPDATE}: waits for other transactions' locks on the row. */
    UPDATE(false, false),
    /** {@code FOR UPDATE NOWAIT}: fails at once ({@code OperationalError}) when another transaction holds the row. */
    UPDATE_NOWAIT(true, false),
    /** {@code FOR UPDATE SKIP LOCKED}: a row another transaction holds counts as absent. */
    UPDATE_SKIP_LOCKED(false, true);

    private final boolean nowait;
    private final boolean skipLocked;

    LockMode(boolean nowait, boolean skipLocked) {
        this.nowait = nowait;
        this.skipLocked = skipLocked;
    }

    public boolean nowait() {
        return nowait;
    }

    public boolean skipLocked() {
        return skipLocked;
    }
}
