package org.jalchemy.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The {@code echo} output: statements, parameters and transaction boundaries, logged at INFO on
 * the SLF4J logger {@value #LOGGER_NAME} (SQLAlchemy's {@code sqlalchemy.engine}). When no SLF4J
 * provider is on the class path, echo prints to standard error instead, so {@code echo(true)}
 * always shows something.
 */
final class EchoLog {
    /** The logger name to configure for SQL logging. */
    static final String LOGGER_NAME = "jalchemy.engine";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final boolean NO_PROVIDER = LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;

    private EchoLog() {
    }

    static void info(String message) {
        if (NO_PROVIDER) {
            System.err.println("[jalchemy.engine] " + message);
        } else {
            LOG.info(message);
        }
    }

    /** Renders parameter values the way SQLAlchemy's echo does: {@code (1, 'ana', None)}. */
    static String params(Object[] values, boolean hide) {
        if (hide) {
            return "[parameters hidden]";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(render(values[i]));
        }
        return sb.append(')').toString();
    }

    static String render(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof CharSequence || v instanceof Character) {
            String s = v.toString();
            if (s.length() > 100) {
                s = s.substring(0, 100) + "... (" + (s.length() - 100) + " characters truncated)";
            }
            return "'" + s.replace("'", "\\'") + "'";
        }
        if (v instanceof byte[] b) {
            return "<" + b.length + " bytes>";
        }
        return String.valueOf(v);
    }
}
