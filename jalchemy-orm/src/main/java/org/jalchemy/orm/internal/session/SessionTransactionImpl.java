package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.SessionTransaction;
import org.jalchemy.engine.Transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's transaction: the root one (from {@code session.begin()} or autobegun by the first
 * operation) or a SAVEPOINT from {@code session.beginNested()}. Usable with try-with-resources:
 * {@code close()} rolls back if neither {@link #commit()} nor {@link #rollback()} ran, so
 * {@code try (var tx = session.begin()) { ...; tx.commit(); }} never leaves half-done work. Java
 * cannot tell whether the block ended normally or by an exception, so a block that simply forgot
 * {@code commit()} loses its work: {@code close()} then logs a WARN on {@code jalchemy.orm.session}
 * naming how many changes it discarded (objects written by its flushes, plus new, modified and
 * deleted objects not flushed yet); nothing is logged when there was nothing to discard.
 *
 * <p>It also records which objects it added, inserted and deleted, so rolling it back can put
 * memory back in line with the database: objects added or inserted within it become transient,
 * objects deleted within it persistent again, and every persistent object is expired.
 *
 * <p>A flush that fails inside it rolls it back in the database at once and leaves it
 * {@linkplain #isFailed() failed}: the session then raises {@code PendingRollbackError} until
 * {@link #rollback()} (SQLAlchemy's "inactive due to a rollback in a subtransaction").
 */
public final class SessionTransactionImpl implements SessionTransaction {
    final SessionImpl session;
    final SessionTransactionImpl parent;
    final Transaction savepoint;
    final ArrayList<InstanceStateImpl> added = new ArrayList<>();
    public final ArrayList<InstanceStateImpl> inserted = new ArrayList<>();
    public final List<InstanceStateImpl> deleted = new ArrayList<>();
    /** True until this transaction is committed or rolled back (also while it waits, failed, for its rollback). */
    boolean active = true;
    /** The flush error that rolled this transaction back in the database; it then waits for {@link #rollback()}. */
    RuntimeException failure;
    /** Objects written (inserted, updated, deleted) by flushes within this transaction (and its committed SAVEPOINTs). */
    int flushed;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("jalchemy.orm.session");
    /** As echo does: with no SLF4J provider the warning goes to standard error rather than nowhere. */
    private static final boolean TO_STDERR =
            org.slf4j.LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory;

    SessionTransactionImpl(SessionImpl session, SessionTransactionImpl parent, Transaction savepoint) {
        this.session = session;
        this.parent = parent;
        this.savepoint = savepoint;
    }

    /** Root: flushes and commits ({@code session.commit()}). Nested: flushes and releases the SAVEPOINT. */
    public void commit() {
        session.commitTransaction(this);
    }

    /** Root: {@code session.rollback()}. Nested: rolls back to the SAVEPOINT and restores objects changed since. */
    public void rollback() {
        session.rollbackTransaction(this);
    }

    /** True until committed or rolled back; false once a failed flush rolled it back in the database. */
    public boolean isActive() {
        return active && failure == null;
    }

    /** True when a failed flush rolled this transaction back in the database and it waits for {@link #rollback()}. */
    public boolean isFailed() {
        return active && failure != null;
    }

    public boolean isNested() {
        return parent != null;
    }

    /** Rolls back when still active, with a WARN when that discards changes (see the class comment). */
    @Override
    public void close() {
        if (active) {
            String discarded = failure == null ? session.pendingChanges(this) : null;
            rollback();
            if (discarded != null) {
                String msg = (parent == null ? "Session transaction" : "Nested transaction (SAVEPOINT)")
                        + " closed without commit(): rolled back, discarding " + discarded + ". Call commit() before "
                        + "the block ends, or use inTransaction(session -> ...), which commits when the work returns "
                        + "and rolls back when it throws";
                if (TO_STDERR) {
                    System.err.println("[jalchemy.orm.session] WARN " + msg);
                } else {
                    LOG.warn(msg);
                }
            }
        }
    }

    void mergeIntoParent() {
        parent.added.addAll(added);
        parent.inserted.addAll(inserted);
        parent.deleted.addAll(deleted);
        parent.flushed += flushed;
    }

    @Override
    public String toString() {
        return "SessionTransaction[" + (isNested() ? "nested" : "root") + (active ? ", active" : ", inactive") + "]";
    }
}
