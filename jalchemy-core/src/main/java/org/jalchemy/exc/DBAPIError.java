package org.jalchemy.exc;

import java.sql.SQLException;
import java.util.Objects;

/**
 * A failure reported by the database driver, translated into jalchemy's hierarchy (the Python
 * DB-API's classes, as SQLAlchemy exposes them). Subclasses say what went wrong:
 * {@link IntegrityError}, {@link OperationalError}, {@link ProgrammingError}, {@link DataError},
 * {@link InterfaceError}, {@link NotSupportedError}, {@link InternalError}.
 *
 * <p>Invariants: {@link #getCause()} is always the driver's original {@link SQLException};
 * {@link #statement()} is the SQL sent (or {@code null} when the failure was not tied to a
 * statement, e.g. while connecting); {@link #parameters()} is a rendering of the bound values,
 * or a fixed placeholder when the engine hides parameters ({@code hideParameters}).
 */
public class DBAPIError extends JalchemyException {
    private static final long serialVersionUID = 1L;

    /** Text shown in place of parameters when an engine is created with {@code hideParameters}. */
    public static final String HIDDEN_PARAMETERS = "[parameters hidden: hideParameters is set]";

    private final String sqlState;
    private final int vendorCode;
    private final String statement;
    private final String parameters;
    private final boolean connectionInvalidated;
    private final boolean retryable;

    protected DBAPIError(Details d) {
        super(d.message(), d.cause());
        this.sqlState = d.cause().getSQLState();
        this.vendorCode = d.cause().getErrorCode();
        this.statement = d.statement();
        this.parameters = d.parameters();
        this.connectionInvalidated = d.connectionInvalidated();
        this.retryable = d.retryable();
    }

    /** SQLSTATE reported by the driver (five characters), or {@code null} when it gave none. */
    public String sqlState() {
        return sqlState;
    }

    /** The vendor's own error code ({@code SQLException.getErrorCode()}). */
    public int vendorCode() {
        return vendorCode;
    }

    /** The SQL statement being executed, or {@code null}. */
    public String statement() {
        return statement;
    }

    /** The bound parameters as rendered for the message (possibly hidden), or {@code null}. */
    public String parameters() {
        return parameters;
    }

    /** True when the failure was recognised as a lost connection and that connection was discarded. */
    public boolean connectionInvalidated() {
        return connectionInvalidated;
    }

    /**
     * True when running the whole transaction again from the start is safe and may succeed: a
     * serialization failure, deadlock or lock timeout the dialect declares retryable, a connection
     * lost before COMMIT (the database rolled back), or a failure to connect at all. False for a
     * COMMIT of unknown outcome ({@link CommitOutcomeUnknownError}) and for a statement lost in
     * autocommit mode: those may have taken effect. What {@code RetryPolicy} retries by default.
     */
    public boolean retryable() {
        return retryable;
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }

    /** Everything a translated error carries; built by the engine's error translator. */
    public record Details(String message, SQLException cause, String statement, String parameters,
                          boolean connectionInvalidated, boolean retryable) {
        public Details {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(cause, "cause");
        }

        /** Details of an error that is not {@linkplain DBAPIError#retryable() retryable}. */
        public Details(String message, SQLException cause, String statement, String parameters,
                       boolean connectionInvalidated) {
            this(message, cause, statement, parameters, connectionInvalidated, false);
        }
    }
}
