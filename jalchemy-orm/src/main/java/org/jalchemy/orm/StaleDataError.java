package org.jalchemy.orm;

import org.jalchemy.exc.JalchemyException;

/**
 * An UPDATE or DELETE of the flush matched fewer rows than expected: the row was changed (its
 * {@code @Version} no longer matches) or deleted by someone else since it was loaded. The flush
 * is rolled back; the message names entity and key.
 */
public class StaleDataError extends JalchemyException {
    private static final long serialVersionUID = 1L;

    public StaleDataError(String message) {
        super(message);
    }
}
