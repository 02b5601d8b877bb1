package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Unbounded character data (TEXT / LONGTEXT / CLOB) ↔ {@link String}. Stateless: use {@link #INSTANCE}. */
public final class TextType extends SqlType<String> {
    public static final TextType INSTANCE = new TextType();

    private TextType() {
    }

    @Override
    public Class<String> javaType() {
        return String.class;
    }

    @Override
    public int jdbcType() {
        return Types.CLOB;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setString(index, UnicodeText.requireWellFormed(value, index));
    }

    @Override
    public String read(ResultSet rs, int index) throws SQLException {
        return rs.getString(index);
    }
}
