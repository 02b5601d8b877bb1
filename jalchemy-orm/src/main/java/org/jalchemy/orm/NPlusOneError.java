package org.jalchemy.orm;

import org.jalchemy.exc.InvalidRequestError;

/**
 * Raised by the N+1 diagnostic ({@code SessionFactory.builder(engine).raiseOnNPlusOne(n)}) when one
 * relationship is lazy-loaded more than {@code n} times in one session: the message names the
 * relationship, the count and the call site, and suggests the loader option that avoids it.
 */
public class NPlusOneError extends InvalidRequestError {
    public NPlusOneError(String message) {
        super(message);
    }
}
