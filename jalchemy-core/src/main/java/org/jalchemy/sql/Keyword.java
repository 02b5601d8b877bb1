package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

/** The SQL constants NULL, TRUE and FALSE, and {@code *}; booleans render as 1/0 where there is no boolean type. */
public final class Keyword<T> extends ColumnElement<T> {
    /** Which constant. */
    public enum Kind { NULL, TRUE, FALSE, STAR }

    private final Kind kind;
    private final SqlType<T> type;

    Keyword(Kind kind, SqlType<T> type) {
        this.kind = kind;
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.visitKeyword(this);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(Keyword.class).add(kind);
    }
}
