package org.jalchemy.orm.internal.session;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.EngineSet;
import org.jalchemy.orm.BindOption;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Read/write splitting of one session over an {@link EngineSet}: which connection each read
 * runs on. Only sessions of a factory built on an engine set have one; a session bound to one
 * engine has none and pays nothing.
 *
 * <p>Rules, in order: a {@link BindOption} on the statement wins ({@code primary} or a replica's
 * name); once the session has written (a flush that wrote rows, a DML or {@code text()}
 * statement) every later read of the session goes to the primary, after commit too
 * (read-your-writes: a replica may not have the commit yet); a transaction that took row locks
 * ({@code FOR UPDATE}, {@code refresh(obj, LockMode)}), set a SAVEPOINT or handed out the raw
 * {@code session.connection()} reads from the primary until it ends; a transaction whose
 * {@link EngineSet#connectReplica()} found no fit replica (all too far behind, or down) reads
 * from the primary until it ends; otherwise reads go to the replica picked for this transaction,
 * on one connection kept until the transaction ends.
 *
 * <p>Hazards: objects loaded from a replica may be older than the primary's rows (a flush that
 * updates them still goes to the primary, where optimistic version checks catch the conflict);
 * the replica's transaction and the primary's are two transactions, so a read on the replica
 * does not see the primary transaction's uncommitted work (which is why reads move to the
 * primary once the session has written). Not thread-safe, like its session.
 */
final class ReadRouting {
    private final EngineSet engines;
    /** The replica connection of this transaction, or null. */
    private Connection replica;
    /** Connections to replicas named by a {@link BindOption}, this transaction; null when none. */
    private Map<String, Connection> named;
    /** The session has written: it reads from the primary for the rest of its life. */
    private boolean wrote;
    /** This transaction reads from the primary (locks, SAVEPOINT, raw connection, no fit replica). */
    private boolean primaryUntilEnd;

    ReadRouting(EngineSet engines) {
        this.engines = engines;
    }

    /** The connection a read runs on; {@code bind} is the statement's option or null. */
    Connection read(SessionImpl session, BindOption bind) {
        if (bind != null) {
            return bound(session, bind.name());
        }
        if (wrote || primaryUntilEnd) {
            return session.primaryConnection();
        }
        Connection c = replica;
        if (c == null) {
            session.autobegin();
            Optional<Connection> picked = engines.connectReplica();
            if (picked.isEmpty()) {
                primaryUntilEnd = true;
                return session.primaryConnection();
            }
            c = picked.get();
            replica = c;
        }
        return c;
    }

    private Connection bound(SessionImpl session, String name) {
        if (EngineSet.PRIMARY.equals(name)) {
            return session.primaryConnection();
        }
        if (replica != null && engines.nameOf(replica.engine()).equals(name)) {
            return replica;
        }
        Connection c = named == null ? null : named.get(name);
        if (c == null) {
            session.autobegin();
            c = engines.connect(name);
            if (named == null) {
                named = new LinkedHashMap<>();
            }
            named.put(name, c);
        }
        return c;
    }

    /** The session wrote: reads go to the primary from now on. */
    void wrote() {
        wrote = true;
    }

    /** This transaction reads from the primary until it ends. */
    void primaryUntilEnd() {
        primaryUntilEnd = true;
    }

    /** True once the session has written. */
    boolean hasWritten() {
        return wrote;
    }

    /** Name of the replica this transaction reads from, or {@link EngineSet#PRIMARY}. */
    String readingFrom() {
        return wrote || primaryUntilEnd || replica == null ? EngineSet.PRIMARY : engines.nameOf(replica.engine());
    }

    /** Cancels the statements the replica connections run now ({@code Session.cancel()}). */
    void cancel() {
        Connection c = replica;
        if (c != null) {
            c.cancel();
        }
        if (named != null) {
            for (Connection n : named.values()) {
                n.cancel();
            }
        }
    }

    /** The transaction ended: gives the replica connections back (rolled back: they only read). */
    void release() {
        primaryUntilEnd = false;
        Connection c = replica;
        replica = null;
        RuntimeException failure = null;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (named != null) {
            Map<String, Connection> n = named;
            named = null;
            for (Connection x : n.values()) {
                try {
                    x.close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
