package org.jalchemy.dialect;

/**
 * How a database splits SQL text into strings, quoted identifiers, comments and code: what
 * {@code text()} must know to find its {@code :name} parameters only where they are code. A
 * {@code :x} after an apostrophe inside a comment, in a dollar-quoted body or after a MySQL
 * backslash escape is read exactly as the database will read it.
 *
 * @param backslashEscapes        {@code \} escapes the next character inside {@code '...'} (MySQL,
 *                                unless {@code NO_BACKSLASH_ESCAPES})
 * @param escapeStringPrefix      {@code E'...'} strings have backslash escapes (PostgreSQL)
 * @param doubleQuotedStrings     {@code "..."} is a string, not an identifier (MySQL without
 *                                {@code ANSI_QUOTES})
 * @param backtickIdentifiers     {@code `...`} quotes an identifier (MySQL, SQLite)
 * @param bracketIdentifiers      {@code [...]} quotes an identifier (SQLite)
 * @param hashComments            {@code #} starts a line comment (MySQL)
 * @param dashCommentNeedsSpace   {@code --} starts a comment only when followed by a space or
 *                                control character (MySQL: {@code 1--1} is 2)
 * @param dollarQuotes            {@code $tag$...$tag$} strings (PostgreSQL)
 * @param nestedBlockComments     block comments nest (PostgreSQL)
 * @param nativeParameterPrefixes characters that start a named parameter the database itself
 *                                binds (SQLite: {@code :@$}); such a name left in the SQL would be
 *                                bound to NULL, so {@code text()} refuses it
 * @param questionMark            what a {@code ?} written in the SQL outside strings and comments
 *                                becomes
 */
public record SqlLexicon(boolean backslashEscapes, boolean escapeStringPrefix, boolean doubleQuotedStrings,
                         boolean backtickIdentifiers, boolean bracketIdentifiers, boolean hashComments,
                         boolean dashCommentNeedsSpace, boolean dollarQuotes, boolean nestedBlockComments,
                         String nativeParameterPrefixes, QuestionMark questionMark) {

    /** What happens to a {@code ?} the SQL text itself contains (outside strings and comments). */
    public enum QuestionMark {
        /** Left as it is (compile-only dialects). */
        PASS,
        /** Doubled to {@code ??}, pgjdbc's escape for a literal {@code ?} (PostgreSQL's JSON operators). */
        DOUBLE,
        /** Refused: the driver would take it for a placeholder with no value. */
        REFUSE
    }

    /** Standard SQL: {@code '...'} strings, {@code "..."} identifiers, line ({@code --}) and block comments. */
    public static final SqlLexicon STANDARD = new SqlLexicon(false, false, false, false, false, false, false, false,
            false, "", QuestionMark.PASS);
}
