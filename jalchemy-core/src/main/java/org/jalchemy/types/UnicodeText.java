package org.jalchemy.types;

import java.sql.SQLDataException;

/**
 * Refuses text that is not valid Unicode before it is sent: a lone UTF-16 surrogate (half of a
 * pair, e.g. from a string cut in the middle of an emoji) has no UTF-8 encoding, and the drivers
 * silently store it as {@code ?} (pgjdbc, mariadb-java-client, sqlite-jdbc alike), so the round
 * trip corrupts the value without an error. The check raises a {@link SQLDataException} with
 * SQLSTATE 22021 (character not in repertoire), which the engine reports as a {@code DataError}
 * naming the statement and parameters.
 *
 * <p>Cost: one pass over the chars of each bound string, with a branch only on surrogates; no
 * allocation.
 */
public final class UnicodeText {
    private UnicodeText() {
    }

    /** Returns {@code s}, or raises when it holds a lone surrogate; {@code index} is the JDBC parameter index, for the message. */
    public static String requireWellFormed(String s, int index) throws SQLDataException {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new SQLDataException(String.format("Parameter %d is not valid Unicode: a lone UTF-16 surrogate"
                        + " \\u%04X at character %d has no UTF-8 form, and the database would store it as '?'; it was"
                        + " refused before sending (fix the string, e.g. where it was cut inside a surrogate pair)",
                        index, (int) c, i), "22021");
            }
        }
        return s;
    }
}
