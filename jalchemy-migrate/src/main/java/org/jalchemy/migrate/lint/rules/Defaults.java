package org.jalchemy.migrate.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a server default (SQL text as {@code ColumnDef.serverDefault} holds it) for
 * {@code adding-field-with-default}: is it a plain literal, an expression the database computes once
 * for all existing rows (a constant expression, or a stable function such as {@code now()}), or one
 * it must compute per row (a volatile function such as {@code random()} or
 * {@code gen_random_uuid()})? Functions it does not know are reported as unknown, and the rules treat
 * them as volatile: a wrong "volatile" costs a recipe, a wrong "stable" costs a table rewrite.
 * {@code DefaultVolatilityTest} checks these claims on live servers. Stateless.
 */
final class Defaults {
    /** Functions whose value differs per row (PostgreSQL VOLATILE; MySQL/MariaDB non-deterministic). */
    static final Set<String> VOLATILE = Set.of("random", "random_normal", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval",
            "setval", "gen_random_bytes", "uuid", "uuid_short", "rand", "sys_guid", "newid", "newsequentialid", "txid_current",
            "pg_current_xact_id", "sysdate", "random_bytes");

    /** Functions evaluated once per statement (stable/immutable), so one value serves every existing row. */
    static final Set<String> STABLE = Set.of("now", "current_timestamp", "current_date", "current_time", "localtimestamp",
            "localtime", "statement_timestamp", "transaction_timestamp", "utc_timestamp", "utc_date", "utc_time",
            "lower", "upper", "md5", "concat", "concat_ws", "coalesce", "nullif", "length", "char_length", "trim", "btrim",
            "substring", "substr", "replace", "abs", "round", "floor", "ceil", "greatest", "least", "to_jsonb", "to_json",
            "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "json_object", "json_array",
            "array", "make_date", "make_interval", "to_char", "to_date", "to_timestamp", "date_trunc", "cast",
            "current_user", "session_user", "current_schema", "datetime", "date", "time", "strftime", "julianday");

    /** SQL keywords that read as values without parentheses. */
    private static final Set<String> VALUE_KEYWORDS = Set.of("current_timestamp", "current_date", "current_time",
            "localtimestamp", "localtime", "current_user", "session_user", "user");

    private static final Pattern CALL = Pattern.compile("([\\p{L}_][\\p{L}\\p{N}_$.]*)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile(
            "(?i)\\s*(?:[+-]?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?|'(?:[^']|'')*'|null|true|false|b'[01]*'|x'[0-9a-f]*')"
                    + "(?:\\s*::\\s*[\\p{L}_][\\w\\s]*(?:\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?(?:\\[\\])?)?\\s*");

    private Defaults() {
    }

    enum Kind {
        /** A literal ({@code 0}, {@code 'draft'}, {@code 'x'::text}, {@code NULL}). */
        LITERAL,
        /** An expression computed once for all rows ({@code now()}, {@code CURRENT_TIMESTAMP}, {@code lower('X')}, {@code (1+1)}). */
        STABLE,
        /** An expression computed per row ({@code random()}, {@code gen_random_uuid()}). */
        VOLATILE,
        /** Calls a function lint does not know; treated as volatile. */
        UNKNOWN
    }

    static Kind classify(String sql) {
        if (sql == null) {
            return Kind.LITERAL;
        }
        String s = stripStrings(sql);
        if (LITERAL.matcher(sql).matches()) {
            return Kind.LITERAL;
        }
        boolean unknown = false;
        for (String fn : functions(s)) {
            if (VOLATILE.contains(fn)) {
                return Kind.VOLATILE;
            }
            if (!STABLE.contains(fn)) {
                unknown = true;
            }
        }
        return unknown ? Kind.UNKNOWN : Kind.STABLE;
    }

    /** The functions {@code sql} calls, lower case, without schema. */
    static List<String> functions(String sql) {
        List<String> out = new ArrayList<>();
        Matcher m = CALL.matcher(stripStrings(sql));
        while (m.find()) {
            String n = m.group(1).toLowerCase(Locale.ROOT);
            n = n.substring(n.lastIndexOf('.') + 1);
            if (!Set.of("and", "or", "not", "in", "as", "is", "case", "when", "then", "else", "end").contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The name of the first volatile or unknown function of {@code sql}, for messages; null if none. */
    static String firstDoubtful(String sql) {
        for (String fn : functions(sql)) {
            if (!STABLE.contains(fn)) {
                return fn + "()";
            }
        }
        return null;
    }

    /** True for a bare keyword value such as {@code CURRENT_TIMESTAMP} (no parentheses). */
    static boolean isValueKeyword(String sql) {
        return sql != null && VALUE_KEYWORDS.contains(sql.trim().toLowerCase(Locale.ROOT));
    }

    private static String stripStrings(String sql) {
        return sql.replaceAll("'(?:[^']|'')*'", "''");
    }
}
