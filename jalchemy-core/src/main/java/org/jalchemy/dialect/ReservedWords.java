package org.jalchemy.dialect;

import java.util.Set;

/** Reserved-word sets shared by dialects (lower case). Dialects add their own on top. */
public final class ReservedWords {
    private ReservedWords() {
    }

    /** SQL:2016 reserved words that commonly collide with column names, plus common keywords. */
    public static final Set<String> SQL_STANDARD = Set.of(
            "all", "alter", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
            "binary", "both", "by", "case", "cast", "check", "collate", "column", "constraint", "create",
            "cross", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "default", "delete", "desc", "distinct", "do", "drop", "else", "end", "except", "exists",
            "false", "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "in",
            "index", "inner", "insert", "intersect", "into", "is", "join", "key", "leading", "left",
            "like", "limit", "localtime", "localtimestamp", "natural", "not", "null", "offset", "on",
            "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning",
            "right", "select", "session_user", "set", "similar", "some", "symmetric", "table", "then",
            "to", "trailing", "true", "union", "unique", "update", "user", "using", "values", "verbose",
            "when", "where", "window", "with");
}
