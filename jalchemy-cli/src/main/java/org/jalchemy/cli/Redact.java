package org.jalchemy.cli;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords in text the CLI prints: the password part of any {@code scheme://user:password@}
 * URL, {@code password=...} parameters, and any known secret (the configured URL's password)
 * wherever it appears, e.g. inside a driver's message.
 */
final class Redact {
    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]*:)([^@\\s/]+)(@)");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)([^&;\\s,)]+)");

    private Redact() {
    }

    static String mask(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String s = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                s = s.replace(secret, "***");
            }
        }
        s = URL_PASSWORD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***" + m.group(3)));
        s = PASSWORD_PARAM.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***"));
        return s;
    }
}
