package org.jalchemy.spring.boot;

import org.jalchemy.engine.Connection;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.SessionTransaction;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.SavepointManager;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Spring's {@code PlatformTransactionManager} for jalchemy (what {@code JpaTransactionManager} is
 * for JPA): each Spring transaction is one {@link Session} on one connection, bound to the thread
 * while it runs, so every {@code @Transactional} method it spans, the injected
 * {@link TransactionalSession} and {@code session.connection()} see the same identity map and the
 * same database transaction.
 *
 * <p>What each propagation does: REQUIRED joins the Session bound to the thread; REQUIRES_NEW
 * suspends it (unbinds it, its connection stays checked out) and opens a Session of its own on a
 * second connection; NESTED sets a SAVEPOINT in the bound Session ({@code session.beginNested()}),
 * so rolling the inner scope back restores the objects it changed and keeps the outer work.
 * Read-only transactions mark the JDBC connection read-only before the first statement (PostgreSQL
 * then begins {@code READ ONLY}, MariaDB runs {@code SET SESSION TRANSACTION READ ONLY}) and never
 * flush: they end with a rollback. Isolation levels and timeouts apply to the connection.
 * Rollback rules are Spring's: unchecked exceptions roll back, checked ones commit unless
 * {@code rollbackFor} says otherwise. A commit that fails (the flush hits a constraint, say) raises
 * Spring's {@code DataAccessException} ({@link JalchemyExceptionTranslator}) with jalchemy's error
 * as the cause, after the whole transaction was rolled back.
 *
 * <p>JDBC code in the same transaction: when the engine takes its connections from the
 * application's {@code DataSource} ({@link org.jalchemy.engine.Engine#externalDataSource()}), the
 * transaction's JDBC connection is also bound for that DataSource as Spring's
 * {@link ConnectionHolder}, so {@code JdbcTemplate} (or {@code DataSourceUtils.getConnection})
 * runs on the same connection and in the same transaction. The binding ends when the Session
 * commits or rolls back (the connection goes back to the pool then), so JDBC code in an
 * {@code afterCommit} callback gets a connection of its own.
 *
 * <p>Hazards: a connection whose read-only flag or isolation level was changed relies on its pool
 * to reset them when it comes back (HikariCP, jalchemy's own pool and Spring Boot's default, does);
 * the Session is closed when the transaction ends, so objects returned from a
 * {@code @Transactional} method are detached (their loaded fields stay readable, lazy relationships
 * not loaded yet cannot load).
 */
public class JalchemyTransactionManager extends AbstractPlatformTransactionManager implements ResourceTransactionManager {
    private static final long serialVersionUID = 1L;

    private final transient SessionFactory sessionFactory;
    private final transient DataSource dataSource;
    private final transient JalchemyExceptionTranslator translator = new JalchemyExceptionTranslator();

    /** A transaction manager for {@code sessionFactory}, sharing connections with JDBC code when its engine has a DataSource. */
    public JalchemyTransactionManager(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
        this.dataSource = sessionFactory.engine().externalDataSource();
        setNestedTransactionAllowed(true);
    }

    public SessionFactory getSessionFactory() {
        return sessionFactory;
    }

    @Override
    public Object getResourceFactory() {
        return sessionFactory;
    }

    /** The Session of the Spring transaction on this thread; raises {@link InvalidRequestError} when there is none. */
    public static Session currentSession(SessionFactory factory) {
        Session s = currentSessionOrNull(factory);
        if (s == null) {
            throw new InvalidRequestError("No Spring transaction with a jalchemy Session is active on this thread: the injected"
                    + " Session belongs to the current transaction. Call it from a @Transactional method (or inside"
                    + " TransactionTemplate.execute), or open a Session of your own with SessionFactory.open()");
        }
        return s;
    }

    /** The Session of the Spring transaction on this thread, or null. */
    public static Session currentSessionOrNull(SessionFactory factory) {
        Object h = TransactionSynchronizationManager.getResource(factory);
        return h instanceof SessionHolder holder ? holder.session : null;
    }

    @Override
    protected Object doGetTransaction() {
        TxObject tx = new TxObject();
        tx.holder = (SessionHolder) TransactionSynchronizationManager.getResource(sessionFactory);
        return tx;
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        TxObject tx = (TxObject) transaction;
        return tx.holder != null && tx.holder.isTransactionActive();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        TxObject tx = (TxObject) transaction;
        Session session = sessionFactory.open();
        try {
            Connection connection = session.connection(); // checks out and begins the Session's transaction
            java.sql.Connection jdbc = connection.jdbc();
            if (definition.getIsolationLevel() != TransactionDefinition.ISOLATION_DEFAULT
                    && jdbc.getTransactionIsolation() != definition.getIsolationLevel()) {
                jdbc.setTransactionIsolation(definition.getIsolationLevel());
            }
            if (definition.isReadOnly()) {
                try {
                    jdbc.setReadOnly(true);
                } catch (SQLException e) {
                    logger.debug("The JDBC driver refused setReadOnly(true); the transaction is read-only in jalchemy only", e);
                }
            }
            int timeout = determineTimeout(definition);
            if (!connection.inTransaction()) {
                connection.begin(); // so that a transaction only JDBC code wrote to commits as well
            }
            SessionHolder holder = new SessionHolder(session, definition.isReadOnly());
            if (timeout != TransactionDefinition.TIMEOUT_DEFAULT) {
                holder.setTimeoutInSeconds(timeout);
                connection.timeout(Duration.ofSeconds(timeout));
            }
            holder.setSynchronizedWithTransaction(true);
            holder.active = true;
            if (dataSource != null) {
                ConnectionHolder ch = new ConnectionHolder(jdbc);
                ch.setSynchronizedWithTransaction(true);
                if (timeout != TransactionDefinition.TIMEOUT_DEFAULT) {
                    ch.setTimeoutInSeconds(timeout);
                }
                TransactionSynchronizationManager.bindResource(dataSource, ch);
                holder.connectionHolder = ch;
            }
            TransactionSynchronizationManager.bindResource(sessionFactory, holder);
            tx.holder = holder;
        } catch (SQLException | RuntimeException e) {
            if (dataSource != null && tx.holder == null) {
                TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
            }
            session.close();
            throw new CannotCreateTransactionException("Could not begin a jalchemy Session transaction on "
                    + sessionFactory.engine().url() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected Object doSuspend(Object transaction) {
        TxObject tx = (TxObject) transaction;
        tx.holder = null;
        SessionHolder holder = (SessionHolder) TransactionSynchronizationManager.unbindResource(sessionFactory);
        ConnectionHolder ch = dataSource == null ? null
                : (ConnectionHolder) TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
        return new Suspended(holder, ch);
    }

    @Override
    protected void doResume(Object transaction, Object suspendedResources) {
        Suspended s = (Suspended) suspendedResources;
        TransactionSynchronizationManager.bindResource(sessionFactory, s.holder);
        if (s.connectionHolder != null) {
            TransactionSynchronizationManager.bindResource(dataSource, s.connectionHolder);
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) throws TransactionException {
        SessionHolder holder = ((TxObject) status.getTransaction()).holder;
        try {
            if (holder.readOnly) {
                holder.session.rollback(); // nothing to write: never flush a read-only transaction
            } else {
                holder.session.commit();
            }
        } catch (RuntimeException e) {
            RuntimeException translated = translator.translateExceptionIfPossible(e);
            throw translated != null ? translated : e;
        } finally {
            unbindJdbc(holder);
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) throws TransactionException {
        SessionHolder holder = ((TxObject) status.getTransaction()).holder;
        try {
            holder.session.rollback();
        } catch (RuntimeException e) {
            throw new TransactionSystemException("Could not roll back the jalchemy Session transaction: " + e.getMessage(), e);
        } finally {
            unbindJdbc(holder);
        }
    }

    private void unbindJdbc(SessionHolder holder) {
        if (holder.connectionHolder != null) {
            TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
            holder.connectionHolder.clear();
            holder.connectionHolder = null;
        }
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        ((TxObject) status.getTransaction()).holder.setRollbackOnly();
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TxObject tx = (TxObject) transaction;
        TransactionSynchronizationManager.unbindResourceIfPossible(sessionFactory);
        SessionHolder holder = tx.holder;
        if (holder != null) {
            unbindJdbc(holder);
            holder.active = false;
            holder.clear();
            try {
                holder.session.close(); // rolls back anything left and gives the connection back
            } catch (RuntimeException e) {
                logger.warn("Could not close the jalchemy Session after the transaction ended", e);
            }
        }
    }

    /** One Session and (with a DataSource) its JDBC connection, bound to the thread for one Spring transaction. */
    static final class SessionHolder extends ResourceHolderSupport {
        final Session session;
        final boolean readOnly;
        boolean active;
        ConnectionHolder connectionHolder;

        SessionHolder(Session session, boolean readOnly) {
            this.session = session;
            this.readOnly = readOnly;
        }

        boolean isTransactionActive() {
            return active;
        }
    }

    private record Suspended(SessionHolder holder, ConnectionHolder connectionHolder) {
    }

    /** Spring's transaction object: the bound holder, and SAVEPOINTs as the Session's nested transactions. */
    static final class TxObject implements SmartTransactionObject, SavepointManager {
        SessionHolder holder;

        @Override
        public boolean isRollbackOnly() {
            return holder != null && holder.isRollbackOnly();
        }

        @Override
        public void flush() {
            if (holder != null) {
                holder.session.flush();
            }
        }

        @Override
        public Object createSavepoint() throws TransactionException {
            if (holder == null) {
                throw new NestedTransactionNotSupportedException("No jalchemy Session transaction to set a SAVEPOINT in");
            }
            return holder.session.beginNested();
        }

        @Override
        public void rollbackToSavepoint(Object savepoint) throws TransactionException {
            SessionTransaction nested = (SessionTransaction) savepoint;
            if (nested.isActive() || nested.isFailed()) {
                nested.rollback();
            }
            holder.resetRollbackOnly();
        }

        @Override
        public void releaseSavepoint(Object savepoint) throws TransactionException {
            SessionTransaction nested = (SessionTransaction) savepoint;
            if (nested.isActive()) {
                nested.commit(); // flushes and releases the SAVEPOINT
            }
        }
    }
}
