package org.jalchemy.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Binary data (BYTEA / LONGBLOB / BLOB) ↔ {@code byte[]}; the array is the caller's and is not copied. Stateless: use {@link #INSTANCE}. */
public final class LargeBinaryType extends SqlType<byte[]> {
    public static final LargeBinaryType INSTANCE = new LargeBinaryType();

    private LargeBinaryType() {
    }

    @Override
    public Class<byte[]> javaType() {
        return byte[].class;
    }

    @Override
    public int jdbcType() {
        return Types.VARBINARY;
    }

    @Override
    protected void bindValue(PreparedStatement ps, int index, byte[] value) throws SQLException {
        ps.setBytes(index, value);
    }

    @Override
    public byte[] read(ResultSet rs, int index) throws SQLException {
        return rs.getBytes(index);
    }
}
