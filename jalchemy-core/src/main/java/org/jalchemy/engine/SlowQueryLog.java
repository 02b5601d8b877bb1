package org.jalchemy.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The {@code slowQueryThreshold} engine option: each statement whose execution (the driver call,
 * not the reading of its rows) took at least the threshold is logged as one WARN on the SLF4J
 * logger {@value #LOGGER_NAME}, with the duration, the SQL, the parameters (masked when
 * {@code hideParameters} is on) and the application call site: the first stack frame outside
 * jalchemy's packages. Without an SLF4J provider the line goes to standard error, as echo does.
 *
 * <p>Cost: nothing while the option is off; one clock read per statement while on; a stack walk
 * only for the slow statements themselves. Thread-safe (stateless).
 */
final class SlowQueryLog {
    /** The logger name to configure for slow statements. */
    static final String LOGGER_NAME = "jalchemy.engine.slow";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final boolean NO_PROVIDER =
            LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory;

    private SlowQueryLog() {
    }

    static void log(Engine engine, String sql, List<Object[]> rows, long elapsedNanos) {
        boolean hide = engine.options().hideParameters();
        String params;
        if (rows.isEmpty()) {
            params = "()";
        } else if (rows.size() == 1) {
            params = EchoLog.params(rows.get(0), hide);
        } else {
            params = EchoLog.params(rows.get(0), hide) + " ... (" + rows.size() + " parameter sets)";
        }
        String line = String.format("slow statement: %.1f ms (slowQueryThreshold %d ms) at %s%n[SQL: %s]%n[parameters: %s]"
                        + "%n[engine: %s]", elapsedNanos / 1e6, engine.options().slowQueryThreshold().toMillis(),
                LeakDetector.callSite(new Throwable()), sql, params, engine.url());
        if (NO_PROVIDER) {
            System.err.println("[" + LOGGER_NAME + "] " + line);
        } else {
            LOG.warn(line);
        }
    }
}
