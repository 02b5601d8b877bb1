package org.jalchemy.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pool events worth an operator's attention, on the SLF4J logger {@value #LOGGER_NAME}: pool
 * invalidation after a disconnect (INFO) and leaked connections (WARN). Rare by nature; nothing
 * here is on the statement path.
 */
final class PoolLog {
    /** The logger name to configure for pool events. */
    static final String LOGGER_NAME = "jalchemy.pool";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private PoolLog() {
    }

    static void info(String message) {
        LOG.info(message);
    }

    static void warn(String message, Throwable where) {
        LOG.warn(message, where);
    }
}
