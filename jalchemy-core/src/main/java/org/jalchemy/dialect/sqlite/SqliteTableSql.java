package org.jalchemy.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what SQLite's catalog does not keep from a table's stored {@code CREATE TABLE} text: the
 * names of UNIQUE and FOREIGN KEY constraints and every CHECK constraint (table- and column-level),
 * as SQLAlchemy's SQLite dialect does. The body is split at top-level commas respecting quotes,
 * brackets and nested parentheses; column definitions are scanned for inline {@code CHECK (...)}.
 * Unparseable text yields no constraints rather than wrong ones.
 */
final class SqliteTableSql {
    /** A table-level or column-level constraint: {@code kind} UNIQUE, CHECK, FOREIGN or PRIMARY. */
    record Element(String name, String kind, List<String> columns, String body) {
    }

    private SqliteTableSql() {
    }

    static List<Element> constraints(String createSql) {
        List<Element> out = new ArrayList<>();
        if (createSql == null) {
            return out;
        }
        int open = createSql.indexOf('(');
        int close = createSql.lastIndexOf(')');
        if (open < 0 || close <= open) {
            return out;
        }
        for (String part : splitTopLevel(createSql.substring(open + 1, close))) {
            String p = part.strip();
            String name = null;
            String upper = p.toUpperCase(Locale.ROOT);
            if (upper.startsWith("CONSTRAINT")) {
                String rest = p.substring("CONSTRAINT".length()).strip();
                int end = identifierEnd(rest);
                name = unquote(rest.substring(0, end));
                p = rest.substring(end).strip();
                upper = p.toUpperCase(Locale.ROOT);
            }
            if (upper.startsWith("UNIQUE")) {
                out.add(new Element(name, "UNIQUE", columnList(p), null));
            } else if (upper.startsWith("CHECK")) {
                out.add(new Element(name, "CHECK", List.of(), parenthesised(p, p.indexOf('('))));
            } else if (upper.startsWith("FOREIGN")) {
                out.add(new Element(name, "FOREIGN", columnList(p), null));
            } else if (upper.startsWith("PRIMARY")) {
                out.add(new Element(name, "PRIMARY", columnList(p), null));
            } else if (name == null) {
                columnChecks(p, out);
            }
        }
        return out;
    }

    /** Inline {@code [CONSTRAINT n] CHECK (...)} clauses of a column definition. */
    private static void columnChecks(String columnDef, List<Element> out) {
        String upper = columnDef.toUpperCase(Locale.ROOT);
        int from = identifierEnd(columnDef);
        while (true) {
            int i = indexOfWord(upper, "CHECK", from, columnDef);
            if (i < 0) {
                return;
            }
            String name = null;
            String before = columnDef.substring(from, i).strip();
            int c = before.toUpperCase(Locale.ROOT).lastIndexOf("CONSTRAINT");
            if (c >= 0) {
                name = unquote(before.substring(c + "CONSTRAINT".length()).strip());
            }
            int paren = columnDef.indexOf('(', i);
            String body = parenthesised(columnDef, paren);
            if (body == null) {
                return;
            }
            out.add(new Element(name, "CHECK", List.of(), body));
            from = paren + body.length() + 2;
        }
    }

    /** Index of keyword {@code word} at or after {@code from}, outside quotes and as a whole word. */
    private static int indexOfWord(String upper, String word, int from, String original) {
        char quote = 0;
        for (int i = from; i < upper.length(); i++) {
            char ch = original.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
                continue;
            }
            if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
                continue;
            }
            if (ch == '[') {
                quote = ']';
                continue;
            }
            if (upper.startsWith(word, i) && (i == 0 || !Character.isLetterOrDigit(upper.charAt(i - 1)))
                    && (i + word.length() >= upper.length() || !Character.isLetterOrDigit(upper.charAt(i + word.length())))) {
                return i;
            }
        }
        return -1;
    }

    /** The text inside the parentheses opening at {@code open} (balanced, quotes respected), or null. */
    private static String parenthesised(String s, int open) {
        if (open < 0) {
            return null;
        }
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return s.substring(open + 1, i).strip();
            }
        }
        return null;
    }

    private static List<String> columnList(String p) {
        String inner = parenthesised(p, p.indexOf('('));
        if (inner == null) {
            return List.of();
        }
        List<String> cols = new ArrayList<>();
        for (String c : splitTopLevel(inner)) {
            String t = c.strip();
            int end = identifierEnd(t);
            cols.add(unquote(t.substring(0, end)));
        }
        return cols;
    }

    private static int identifierEnd(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        char first = s.charAt(0);
        char close = first == '"' ? '"' : first == '`' ? '`' : first == '[' ? ']' : 0;
        if (close != 0) {
            int e = s.indexOf(close, 1);
            return e < 0 ? s.length() : e + 1;
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '(' && s.charAt(i) != ',') {
            i++;
        }
        return i;
    }

    private static String unquote(String n) {
        if (n.length() >= 2 && (n.startsWith("\"") || n.startsWith("`") || n.startsWith("["))) {
            return n.substring(1, n.length() - 1);
        }
        return n;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '[') {
                quote = ']';
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts;
    }
}
