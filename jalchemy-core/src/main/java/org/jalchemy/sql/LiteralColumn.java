package org.jalchemy.sql;

import org.jalchemy.types.SqlType;

/**
 * A fragment of literal SQL used as an expression ({@code literalColumn("now()")}): like
 * {@code text()}, the text is the caller's responsibility and is emitted unchanged.
 */
public final class LiteralColumn<T> extends ColumnElement<T> {
    private final String text;
    private final SqlType<T> type;

    LiteralColumn(String text, SqlType<T> type) {
        this.text = text;
        this.type = type;
    }

    public String text() {
        return text;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    @Override
    void compileTo(SqlCompiler c) {
        c.append(text);
    }

    @Override
    void keyTo(KeyBuilder k) {
        k.add(LiteralColumn.class).add(text).add(type);
    }
}
