package org.jalchemy.spring.boot;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Result;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.InstanceState;
import org.jalchemy.orm.LazyLoadExecutor;
import org.jalchemy.orm.LoaderOption;
import org.jalchemy.orm.LockMode;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.SessionTransaction;
import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Select;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The injectable {@link Session}: a stand-in, safe to share between threads and to keep in a
 * singleton, that forwards every call to the Session of the Spring transaction running on the
 * calling thread (the one {@link JalchemyTransactionManager} opened for it; Spring's
 * shared-EntityManager idea). Two {@code @Transactional} methods on two threads thus work on two
 * Sessions; within one transaction every call reaches the same Session, identity map and
 * connection. Each call costs one thread-local lookup; no reflection.
 *
 * <p>Outside a transaction every call raises {@link InvalidRequestError} saying so (there is no
 * Session to reach). The transaction manager owns the Session's transaction: {@link #commit()},
 * {@link #rollback()}, {@link #begin()} and {@link #transaction} raise (end the transaction by
 * returning or throwing, or with {@code TransactionStatus.setRollbackOnly()}); {@link #close()} does
 * nothing. {@link #beginNested()} (a SAVEPOINT inside the transaction) is allowed.
 */
public final class TransactionalSession implements Session {
    private final SessionFactory factory;

    public TransactionalSession(SessionFactory factory) {
        this.factory = factory;
    }

    /** The Session of the current Spring transaction; raises when none is active on this thread. */
    public Session current() {
        return JalchemyTransactionManager.currentSession(factory);
    }

    private static InvalidRequestError managed(String what) {
        return new InvalidRequestError("Session." + what + "() on the injected transactional Session: Spring's transaction"
                + " manager ends this transaction. Return normally to commit, throw (or call"
                + " TransactionStatus.setRollbackOnly()) to roll back; use beginNested() for a SAVEPOINT, or open a Session of"
                + " your own with SessionFactory.open()");
    }

    @Override
    public SessionFactory factory() {
        return factory;
    }

    @Override
    public void add(Object entity) {
        current().add(entity);
    }

    @Override
    public void addAll(Iterable<?> entities) {
        current().addAll(entities);
    }

    @Override
    public void delete(Object entity) {
        current().delete(entity);
    }

    @Override
    public void expunge(Object entity) {
        current().expunge(entity);
    }

    @Override
    public void expungeAll() {
        current().expungeAll();
    }

    @Override
    public <E> E merge(E entity) {
        return current().merge(entity);
    }

    @Override
    public InstanceState inspect(Object entity) {
        return current().inspect(entity);
    }

    @Override
    public boolean contains(Object entity) {
        return current().contains(entity);
    }

    @Override
    public List<Object> newObjects() {
        return current().newObjects();
    }

    @Override
    public List<Object> dirtyObjects() {
        return current().dirtyObjects();
    }

    @Override
    public List<Object> deletedObjects() {
        return current().deletedObjects();
    }

    @Override
    public int identityMapSize() {
        return current().identityMapSize();
    }

    @Override
    public <E> Optional<E> get(Class<E> type, Object id) {
        return current().get(type, id);
    }

    @Override
    public <E> Optional<E> get(Class<E> type, Object id, LoaderOption<?>... options) {
        return current().get(type, id, options);
    }

    @Override
    public <E> org.jalchemy.orm.Query<E> query(Class<E> type) {
        return current().query(type);
    }

    @Override
    public void refresh(Object entity) {
        current().refresh(entity);
    }

    @Override
    public void refresh(Object entity, LockMode lock) {
        current().refresh(entity, lock);
    }

    @Override
    public void refresh(Object entity, Attribute<?, ?>... attributes) {
        current().refresh(entity, attributes);
    }

    @Override
    public void expire(Object entity) {
        current().expire(entity);
    }

    @Override
    public void expireAll() {
        current().expireAll();
    }

    @Override
    public Result execute(Executable statement) {
        return current().execute(statement);
    }

    @Override
    public Result execute(Executable statement, Map<String, ?> parameters) {
        return current().execute(statement, parameters);
    }

    @Override
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return current().execute(statement, parameterSets);
    }

    @Override
    public OrmResult insertReturning(Insert insert, List<? extends Map<String, ?>> rows) {
        return current().insertReturning(insert, rows);
    }

    @Override
    public OrmResult execute(Select<?> select) {
        return current().execute(select);
    }

    @Override
    public Connection connection() {
        return current().connection();
    }

    @Override
    public void cancel() {
        current().cancel();
    }

    @Override
    public void lazyLoadExecutor(LazyLoadExecutor executor) {
        current().lazyLoadExecutor(executor);
    }

    @Override
    public void flush() {
        current().flush();
    }

    @Override
    public void noAutoflush(Runnable work) {
        current().noAutoflush(work);
    }

    @Override
    public <R> R noAutoflush(Supplier<R> work) {
        return current().noAutoflush(work);
    }

    @Override
    public boolean inTransaction() {
        Session s = JalchemyTransactionManager.currentSessionOrNull(factory);
        return s != null && s.inTransaction();
    }

    @Override
    public boolean inNestedTransaction() {
        Session s = JalchemyTransactionManager.currentSessionOrNull(factory);
        return s != null && s.inNestedTransaction();
    }

    @Override
    public SessionTransaction begin() {
        throw managed("begin");
    }

    @Override
    public SessionTransaction beginNested() {
        return current().beginNested();
    }

    @Override
    public <R> R transaction(Function<? super Session, R> work) {
        throw managed("transaction");
    }

    @Override
    public void commit() {
        throw managed("commit");
    }

    @Override
    public void rollback() {
        throw managed("rollback");
    }

    /** Does nothing: the transaction manager closes the Session when the transaction ends. */
    @Override
    public void close() {
    }

    @Override
    public boolean isClosed() {
        return false;
    }

    @Override
    public String toString() {
        Session s = JalchemyTransactionManager.currentSessionOrNull(factory);
        return "TransactionalSession(" + (s == null ? "no transaction on this thread" : s) + ")";
    }
}
