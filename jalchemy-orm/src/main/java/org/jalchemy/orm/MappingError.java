package org.jalchemy.orm;

import org.jalchemy.exc.ArgumentError;

/**
 * A class cannot be mapped as declared (no primary key, unmappable field type, duplicate column,
 * malformed foreign key, missing no-arg constructor...). Raised when the class is first mapped
 * ({@code Registry.of}, {@code Mapper.of}); the message names the class and the field.
 */
public class MappingError extends ArgumentError {
    private static final long serialVersionUID = 1L;

    public MappingError(String message) {
        super(message);
    }

    public MappingError(String message, Throwable cause) {
        super(message, cause);
    }
}
