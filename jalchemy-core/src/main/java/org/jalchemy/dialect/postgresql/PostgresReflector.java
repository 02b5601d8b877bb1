package org.jalchemy.dialect.postgresql;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Reflected;
import org.jalchemy.schema.Reflector;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.BooleanType;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.DateType;
import org.jalchemy.types.DoubleType;
import org.jalchemy.types.FloatType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.IntervalType;
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.NullType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.OffsetDateTimeType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TimeType;
import org.jalchemy.types.UuidType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** PostgreSQL reflection: pgjdbc metadata plus pg_catalog for unique/check constraints and enum types. */
final class PostgresReflector extends Reflector {
    PostgresReflector(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected SqlType<?> mapType(String typeName, int jdbcType, int size, Integer digits) {
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "int4", "serial" -> IntegerType.INSTANCE;
            case "int8", "bigserial" -> BigIntegerType.INSTANCE;
            case "int2", "smallserial" -> SmallIntegerType.INSTANCE;
            case "bool" -> BooleanType.INSTANCE;
            case "varchar", "bpchar" -> new StringType(size > 0 && size < Integer.MAX_VALUE ? size : null);
            case "text" -> TextType.INSTANCE;
            case "float4" -> FloatType.INSTANCE;
            case "float8" -> DoubleType.INSTANCE;
            case "numeric" -> size > 0 && size <= 1000 ? new NumericType(size, digits) : new NumericType(null, null);
            case "date" -> DateType.INSTANCE;
            case "time" -> TimeType.INSTANCE;
            case "timestamp" -> DateTimeType.INSTANCE;
            case "timestamptz" -> OffsetDateTimeType.INSTANCE;
            case "interval" -> IntervalType.INSTANCE;
            case "bytea" -> LargeBinaryType.INSTANCE;
            case "uuid" -> UuidType.INSTANCE;
            case "json", "jsonb" -> jsonOrNull();
            default -> typeName.startsWith("_") ? arrayOf(typeName.substring(1)) : NullType.INSTANCE;
        };
    }

    private static SqlType<?> jsonOrNull() {
        try {
            return new org.jalchemy.types.JsonType<>(Object.class, org.jalchemy.types.JsonCodec.defaultCodec());
        } catch (org.jalchemy.exc.ArgumentError noCodec) {
            return NullType.INSTANCE;
        }
    }

    private SqlType<?> arrayOf(String elementTypeName) {
        SqlType<?> element = mapType(elementTypeName, java.sql.Types.OTHER, 0, null);
        try {
            return element instanceof NullType ? NullType.INSTANCE : new org.jalchemy.types.ArrayType<>(element);
        } catch (org.jalchemy.exc.ArgumentError unsupported) {
            return NullType.INSTANCE;
        }
    }

    /** Native enum columns come back as {@link org.jalchemy.types.StringEnumType} with their labels. */
    @Override
    public List<Reflected.Column> columns(Connection c, String schema, String table) throws SQLException {
        List<Reflected.Column> cols = super.columns(c, schema, table);
        List<Reflected.Column> out = new ArrayList<>(cols.size());
        for (Reflected.Column col : cols) {
            if (col.type() instanceof NullType) {
                String typname = col.typeName().replace("\"", "");
                typname = typname.substring(typname.lastIndexOf('.') + 1); // pgjdbc qualifies types off the search path
                List<String> labels = enumLabels(c, schema, typname);
                if (!labels.isEmpty()) {
                    col = new Reflected.Column(col.name(), new org.jalchemy.types.StringEnumType(typname, labels),
                            col.typeName(), col.nullable(), col.defaultSql(), col.autoincrement(), col.comment());
                }
            }
            out.add(col);
        }
        return out;
    }

    /** Labels of enum type {@code typname} of {@code schema}, or visible on the search path when schema is null. */
    private static List<String> enumLabels(Connection c, String schema, String typname) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.enumlabel FROM pg_catalog.pg_type t JOIN "
                + "pg_catalog.pg_enum e ON e.enumtypid = t.oid JOIN pg_catalog.pg_namespace n ON n.oid = "
                + "t.typnamespace WHERE t.typname = ? AND (n.nspname = ? OR (CAST(? AS text) IS NULL AND "
                + "pg_catalog.pg_type_is_visible(t.oid))) ORDER BY e.enumsortorder")) {
            ps.setString(1, typname);
            ps.setString(2, schema);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Override
    protected String normalizeDefault(String def, boolean autoincrement) {
        return autoincrement && def != null && def.startsWith("nextval(") ? null : def;
    }

    @Override
    public String viewDefinition(Connection c, String schema, String view) throws SQLException {
        return queryString(c, "SELECT pg_catalog.pg_get_viewdef(r.oid) FROM pg_catalog.pg_class r JOIN "
                + "pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE r.relkind IN ('v', 'm') AND r.relname = ? "
                + "AND n.nspname = coalesce(?, current_schema())", view, schema);
    }

    @Override
    public boolean hasType(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n "
                + "ON n.oid = t.typnamespace WHERE t.typname = ? AND n.nspname = coalesce(?, current_schema())")) {
            ps.setString(1, name);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<Reflected.Unique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        List<Reflected.Unique> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT con.conname, array(SELECT a.attname FROM "
                + "unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = "
                + "con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] FROM pg_catalog.pg_constraint con "
                + "JOIN pg_catalog.pg_class r ON r.oid = con.conrelid JOIN pg_catalog.pg_namespace n ON "
                + "n.oid = r.relnamespace WHERE con.contype = 'u' AND r.relname = ? AND n.nspname = "
                + "coalesce(?, current_schema()) ORDER BY con.conname")) {
            ps.setString(1, table);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reflected.Unique(rs.getString(1), List.of((String[]) rs.getArray(2).getArray())));
                }
            }
        }
        return out;
    }

    @Override
    public List<Reflected.Check> checkConstraints(Connection c, String schema, String table) throws SQLException {
        List<Reflected.Check> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT con.conname, pg_catalog.pg_get_constraintdef(con.oid) "
                + "FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class r ON r.oid = con.conrelid "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE con.contype = 'c' "
                + "AND r.relname = ? AND n.nspname = coalesce(?, current_schema()) ORDER BY con.conname")) {
            ps.setString(1, table);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String def = rs.getString(2);
                    if (def.startsWith("CHECK (") && def.endsWith(")")) {
                        def = def.substring(7, def.length() - 1);
                    }
                    out.add(new Reflected.Check(rs.getString(1), def));
                }
            }
        }
        return out;
    }
}
