package org.jalchemy.dialect.postgresql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.DdlCompiler;
import org.jalchemy.schema.Table;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.EnumType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.TypeDecorator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL DDL: SERIAL/BIGSERIAL/SMALLSERIAL for autoincrement columns, COMMENT ON statements,
 * and {@code CREATE TYPE ... AS ENUM} for enum columns (created before, dropped after the table).
 * Variants (CockroachDB, YugabyteDB) extend it.
 */
public class PostgresDdlCompiler extends DdlCompiler {
    public PostgresDdlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String columnType(Column<?> c) {
        if (c.isAutoincrement()) {
            SqlType<?> t = c.type();
            return t instanceof BigIntegerType ? "BIGSERIAL" : t instanceof SmallIntegerType ? "SMALLSERIAL" : "SERIAL";
        }
        SqlType<?> t = c.type();
        while (t instanceof TypeDecorator<?, ?> d) {
            t = d.impl();
        }
        if (t instanceof org.jalchemy.types.EnumValues e && e.nativeEnum() && c.table().schema() != null) {
            return typeName(c.table(), e);
        }
        return super.columnType(c);
    }

    @Override
    protected List<String> postCreateTable(Table table) {
        List<String> out = new ArrayList<>();
        if (table.comment() != null) {
            out.add("COMMENT ON TABLE " + formatTable(table) + " IS " + literal(table.comment()));
        }
        for (Column<?> c : table.columns()) {
            if (c.comment() != null) {
                out.add("COMMENT ON COLUMN " + formatTable(table) + "." + quote(c.name()) + " IS " + literal(c.comment()));
            }
        }
        return out;
    }

    @Override
    public Map<String, String> createTypes(Table table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (org.jalchemy.types.EnumValues e : enums(table)) {
            out.put(e.name(), "CREATE TYPE " + typeName(table, e) + " AS ENUM ("
                    + e.values().stream().map(DdlCompiler::literalOf).collect(Collectors.joining(", ")) + ")");
        }
        return out;
    }

    @Override
    public Map<String, String> dropTypes(Table table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (org.jalchemy.types.EnumValues e : enums(table)) {
            out.put(e.name(), "DROP TYPE " + typeName(table, e));
        }
        return out;
    }

    @Override
    public boolean supportsConcurrentIndex() {
        return true;
    }

    @Override
    public String createIndex(org.jalchemy.schema.Index index, boolean concurrently) {
        String sql = createIndex(index);
        return concurrently ? sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY ") : sql;
    }

    @Override
    public String dropIndex(org.jalchemy.schema.Index index, boolean concurrently) {
        String sql = dropIndex(index);
        return concurrently ? sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY ") : sql;
    }

    @Override
    public String createEnumType(String schema, String name, List<String> values) {
        return "CREATE TYPE " + qualified(schema, name) + " AS ENUM ("
                + values.stream().map(DdlCompiler::literalOf).collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String dropEnumType(String schema, String name) {
        return "DROP TYPE " + qualified(schema, name);
    }

    @Override
    public String addEnumValue(String schema, String name, String value, String before, String after) {
        return "ALTER TYPE " + qualified(schema, name) + " ADD VALUE " + literal(value)
                + (before != null ? " BEFORE " + literal(before) : after != null ? " AFTER " + literal(after) : "");
    }

    private String qualified(String schema, String name) {
        return (schema == null ? "" : quote(schema) + ".") + quote(name);
    }

    /** Enum types live in their table's schema. */
    private String typeName(Table table, org.jalchemy.types.EnumValues e) {
        return (table.schema() == null ? "" : quote(table.schema()) + ".") + quote(e.name());
    }

    private static List<org.jalchemy.types.EnumValues> enums(Table table) {
        List<org.jalchemy.types.EnumValues> out = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            SqlType<?> t = c.type();
            while (t instanceof TypeDecorator<?, ?> d) {
                t = d.impl();
            }
            if (t instanceof org.jalchemy.types.EnumValues e && e.nativeEnum()) {
                out.add(e);
            }
        }
        return out;
    }
}
