package org.jalchemy.spring.boot;

import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.TimeoutError;
import org.jalchemy.orm.StaleDataError;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * jalchemy's exceptions as Spring's {@link DataAccessException}s, for code written against Spring's
 * hierarchy: the transaction manager's commit and {@code @Repository} beans (through Spring's
 * {@code PersistenceExceptionTranslationPostProcessor}) use it. A {@link DBAPIError} is translated
 * from the driver's {@link java.sql.SQLException} it keeps (its SQLSTATE and class, as
 * {@code JdbcTemplate} would), falling back to its jalchemy class ({@link IntegrityError} →
 * {@link DataIntegrityViolationException}); {@link StaleDataError} (a version check or a row that
 * vanished) → {@link OptimisticLockingFailureException}; a pool {@link TimeoutError} →
 * {@link DataAccessResourceFailureException}. The jalchemy exception, with its message naming the
 * SQL and parameters, is always the cause. Anything else is left alone (null).
 */
public class JalchemyExceptionTranslator implements PersistenceExceptionTranslator {
    private final SQLExceptionTranslator sql = new SQLExceptionSubclassTranslator();

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (ex instanceof DataAccessException done) {
            return done;
        }
        if (ex instanceof StaleDataError) {
            return new OptimisticLockingFailureException(ex.getMessage(), ex);
        }
        if (ex instanceof TimeoutError) {
            return new DataAccessResourceFailureException(ex.getMessage(), ex);
        }
        if (ex instanceof DBAPIError db) {
            DataAccessException t = db.getCause() == null ? null : sql.translate("jalchemy", db.statement(), db.getCause());
            if (t != null) {
                return withJalchemyCause(t, ex);
            }
            if (ex instanceof IntegrityError) {
                return new DataIntegrityViolationException(ex.getMessage(), ex);
            }
        }
        return null;
    }

    /** Spring's translation carries the SQLException; keep jalchemy's richer message by chaining it instead. */
    private static DataAccessException withJalchemyCause(DataAccessException translated, RuntimeException ex) {
        try {
            return translated.getClass().getConstructor(String.class, Throwable.class).newInstance(ex.getMessage(), ex);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return translated; // an exception class without (String, Throwable): Spring's own is fine
        }
    }
}
