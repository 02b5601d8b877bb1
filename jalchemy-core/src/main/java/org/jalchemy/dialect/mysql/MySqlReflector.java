package org.jalchemy.dialect.mysql;

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
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.NullType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TimeType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL/MariaDB reflection: a database is a JDBC catalog here, and information_schema supplies
 * unique and check constraints. A TINYINT(1) column reads back as Boolean, CHAR(36) as String.
 */
final class MySqlReflector extends Reflector {
    MySqlReflector(Dialect dialect) {
        super(dialect);
    }

    /**
     * mariadb-java-client compares a metadata pattern with {@code =} when it holds neither
     * {@code %} nor {@code _}, and with LIKE otherwise: an escaped backslash in a plain name would
     * then be compared as two backslashes, and the table never found. So only a name with a
     * wildcard character is escaped.
     */
    @Override
    protected String namePattern(Connection c, String name) throws SQLException {
        return name.indexOf('%') < 0 && name.indexOf('_') < 0 ? name : escape(c, name);
    }

    @Override
    protected String[] location(Connection c, String schema) throws SQLException {
        return new String[]{schema != null ? schema : c.getCatalog(), null};
    }

    @Override
    public List<String> schemaNames(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getCatalogs()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    protected SqlType<?> mapType(String typeName, int jdbcType, int size, Integer digits) {
        String t = typeName.toLowerCase(Locale.ROOT).replace(" unsigned", "");
        return switch (t) {
            case "int", "integer", "mediumint" -> IntegerType.INSTANCE;
            case "bigint" -> BigIntegerType.INSTANCE;
            case "smallint" -> SmallIntegerType.INSTANCE;
            case "tinyint", "bit", "boolean", "bool" -> size == 1 || jdbcType == java.sql.Types.BIT
                    || jdbcType == java.sql.Types.BOOLEAN ? BooleanType.INSTANCE : SmallIntegerType.INSTANCE;
            case "varchar", "char" -> new StringType(size);
            case "text", "longtext", "mediumtext", "tinytext" -> TextType.INSTANCE;
            case "float" -> FloatType.INSTANCE;
            case "double" -> DoubleType.INSTANCE;
            case "decimal", "numeric" -> new NumericType(size, digits);
            case "date" -> DateType.INSTANCE;
            case "time" -> TimeType.INSTANCE;
            case "datetime", "timestamp" -> DateTimeType.INSTANCE;
            case "blob", "longblob", "mediumblob", "tinyblob", "varbinary", "binary" -> LargeBinaryType.INSTANCE;
            case "json" -> json();
            default -> NullType.INSTANCE;
        };
    }

    /**
     * Leaves out the indexes InnoDB creates by itself for foreign keys (named after the constraint, on
     * its columns): they come back with the foreign key, and creating them again would clash.
     * Unique indexes are reported by {@link #uniqueConstraints} (MySQL does not tell them apart).
     */
    @Override
    public List<Reflected.Index> indexes(Connection c, String schema, String table) throws SQLException {
        List<Reflected.ForeignKey> fks = foreignKeys(c, schema, table);
        return super.indexes(c, schema, table).stream().filter(ix -> fks.stream().noneMatch(fk ->
                ix.name().equals(fk.name()) && ix.columns().equals(fk.columns()))).toList();
    }

    /**
     * The database {@code schema} names, or the connection's. A constant, never {@code DATABASE()}
     * in SQL: MariaDB answers information_schema queries without opening every table only when the
     * schema and table names are constants (an expression made each query scan the whole schema).
     */
    static String database(Connection c, String schema) throws SQLException {
        return schema != null ? schema : c.getCatalog();
    }

    @Override
    public String viewDefinition(Connection c, String schema, String view) throws SQLException {
        return queryString(c, "SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_NAME = ? "
                + "AND TABLE_SCHEMA = coalesce(?, DATABASE())", view, schema);
    }

    /**
     * MariaDB reports "no default" as the bare word {@code NULL} (a NULL default is no default
     * either); a string default comes quoted ({@code 'NULL'} is the four-letter string).
     */
    @Override
    protected String normalizeDefault(String def, boolean autoincrement) {
        return def == null || def.equalsIgnoreCase("NULL") ? null : def;
    }

    /** InnoDB's default action is RESTRICT, which behaves as NO ACTION: both reflect as "no action given". */
    @Override
    protected String normalizeRule(String action) {
        return "RESTRICT".equals(action) ? null : action;
    }

    /**
     * ENUM columns come back as {@link org.jalchemy.types.StringEnumType} named after the column;
     * MariaDB's JSON columns (a LONGTEXT with the CHECK {@code json_valid(`col`)} it adds by itself,
     * whether jalchemy or SQLAlchemy declared {@code JSON}) as JSON rather than text.
     */
    @Override
    public List<Reflected.Column> columns(Connection c, String schema, String table) throws SQLException {
        List<Reflected.Column> cols = super.columns(c, schema, table);
        boolean anyLongtext = cols.stream().anyMatch(col -> "longtext".equalsIgnoreCase(col.typeName()));
        List<Reflected.Check> checks = anyLongtext ? checkConstraints(c, schema, table) : List.of();
        List<Reflected.Column> out = new ArrayList<>(cols.size());
        for (Reflected.Column col : cols) {
            List<String> values = "enum".equalsIgnoreCase(col.typeName())
                    ? parseEnum(columnType(c, schema, table, col.name())) : List.of();
            out.add(refine(col, checks, values));
        }
        return out;
    }

    /** {@code col} as JSON when MariaDB's {@code json_valid} CHECK guards it, as an enum type when it has {@code values}. */
    static Reflected.Column refine(Reflected.Column col, List<Reflected.Check> checks, List<String> values) {
        if ("longtext".equalsIgnoreCase(col.typeName())) {
            String jsonValid = "json_valid(`" + col.name().replace("`", "``") + "`)";
            if (checks.stream().anyMatch(k -> k.sqltext() != null && k.sqltext().trim().equalsIgnoreCase(jsonValid))) {
                return new Reflected.Column(col.name(), json(), col.typeName(), col.nullable(), col.defaultSql(),
                        col.autoincrement(), col.comment());
            }
        }
        if (!values.isEmpty()) {
            return new Reflected.Column(col.name(), new org.jalchemy.types.StringEnumType(col.name(), values),
                    col.typeName(), col.nullable(), col.defaultSql(), col.autoincrement(), col.comment());
        }
        return col;
    }

    /**
     * The whole schema in seven queries ({@link MySqlSchemaBatch}) rather than about ten per table,
     * from {@value #BATCH_FROM} tables on (below that, the per-table queries, which touch only those
     * tables, are cheaper).
     */
    @Override
    public Map<String, Reflected.Table> tables(Connection c, String schema, java.util.Collection<String> tables)
            throws SQLException {
        if (tables.size() < BATCH_FROM) {
            return super.tables(c, schema, tables);
        }
        return new MySqlSchemaBatch(this, database(c, schema)).read(c, tables);
    }

    static final int BATCH_FROM = 4;

    /** The current getColumns row as a column (bridge for {@link MySqlSchemaBatch}). */
    Reflected.Column column(ResultSet rs) throws SQLException {
        return columnFrom(rs);
    }

    /** MariaDB's dialect reads CHECKs by table name; MySQL's through TABLE_CONSTRAINTS. */
    boolean isMariaDb() {
        return dialect.name().equals("mariadb");
    }

    private static String columnType(Connection c, String schema, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE "
                + "TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, database(c, schema));
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The values of an {@code enum('a','b''c')} COLUMN_TYPE; empty for any other type. */
    static List<String> parseEnum(String columnType) {
        List<String> out = new ArrayList<>();
        if (columnType == null || !columnType.toLowerCase(Locale.ROOT).startsWith("enum(")) {
            return out;
        }
        StringBuilder cur = null;
        for (int i = 5; i < columnType.length(); i++) {
            char ch = columnType.charAt(i);
            if (cur == null) {
                if (ch == '\'') {
                    cur = new StringBuilder();
                }
            } else if (ch == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                cur.append('\'');
                i++;
            } else if (ch == '\'') {
                out.add(cur.toString());
                cur = null;
            } else {
                cur.append(ch);
            }
        }
        return out;
    }

    /** JSON as {@code Object} when a codec is available (MariaDB reports its JSON columns as LONGTEXT). */
    static SqlType<?> json() {
        try {
            return new org.jalchemy.types.JsonType<>(Object.class, org.jalchemy.types.JsonCodec.defaultCodec());
        } catch (org.jalchemy.exc.ArgumentError noCodec) {
            return NullType.INSTANCE;
        }
    }

    @Override
    public List<Reflected.Unique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME FROM "
                + "information_schema.TABLE_CONSTRAINTS t JOIN information_schema.KEY_COLUMN_USAGE k ON "
                + "k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = t.CONSTRAINT_NAME AND "
                + "k.TABLE_NAME = t.TABLE_NAME WHERE t.CONSTRAINT_TYPE = 'UNIQUE' AND t.TABLE_SCHEMA = ? "
                + "AND t.TABLE_NAME = ? AND k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? "
                + "ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
            String db = database(c, schema);
            ps.setString(1, db);
            ps.setString(2, table);
            ps.setString(3, db);
            ps.setString(4, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byName.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<Reflected.Unique> out = new ArrayList<>();
        byName.forEach((n, cols) -> out.add(new Reflected.Unique(n, List.copyOf(cols))));
        return out;
    }

    @Override
    public List<Reflected.Check> checkConstraints(Connection c, String schema, String table) throws SQLException {
        List<Reflected.Check> out = new ArrayList<>();
        // MariaDB's CHECK_CONSTRAINTS names the table itself: no join, no scan of the other tables
        boolean mariaDb = dialect.name().equals("mariadb");
        String sql = mariaDb
                ? "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? "
                + "AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME"
                : "SELECT cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM "
                + "information_schema.CHECK_CONSTRAINTS cc JOIN information_schema.TABLE_CONSTRAINTS t ON "
                + "t.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = cc.CONSTRAINT_NAME "
                + "AND t.TABLE_NAME = cc.TABLE_NAME WHERE t.CONSTRAINT_TYPE = 'CHECK' AND t.TABLE_SCHEMA = ? "
                + "AND t.TABLE_NAME = ? AND cc.CONSTRAINT_SCHEMA = ? AND cc.TABLE_NAME = ? ORDER BY cc.CONSTRAINT_NAME";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            String db = database(c, schema);
            ps.setString(1, db);
            ps.setString(2, table);
            if (!mariaDb) {
                ps.setString(3, db);
                ps.setString(4, table);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reflected.Check(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }
}
