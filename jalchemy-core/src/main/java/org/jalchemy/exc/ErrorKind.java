package org.jalchemy.exc;

import java.util.function.Function;

/**
 * The DB-API class a driver error translates to. Dialects map SQLSTATEs and vendor codes onto
 * these; {@link #create(DBAPIError.Details)} builds the matching exception.
 */
public enum ErrorKind {
    INTERFACE(InterfaceError::new),
    DATABASE(DatabaseError::new),
    DATA(DataError::new),
    OPERATIONAL(OperationalError::new),
    INTEGRITY(IntegrityError::new),
    INTERNAL(InternalError::new),
    PROGRAMMING(ProgrammingError::new),
    NOT_SUPPORTED(NotSupportedError::new);

    private final Function<DBAPIError.Details, DBAPIError> factory;

    ErrorKind(Function<DBAPIError.Details, DBAPIError> factory) {
        this.factory = factory;
    }

    public DBAPIError create(DBAPIError.Details details) {
        return factory.apply(details);
    }

    /** The class name shown in messages, e.g. {@code IntegrityError}. */
    public String displayName() {
        return switch (this) {
            case INTERFACE -> "InterfaceError";
            case DATABASE -> "DatabaseError";
            case DATA -> "DataError";
            case OPERATIONAL -> "OperationalError";
            case INTEGRITY -> "IntegrityError";
            case INTERNAL -> "InternalError";
            case PROGRAMMING -> "ProgrammingError";
            case NOT_SUPPORTED -> "NotSupportedError";
        };
    }
}
