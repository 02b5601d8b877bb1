package org.jalchemy.dialect.sqlite;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.schema.Reflected;
import org.jalchemy.schema.Reflector;
import org.jalchemy.types.BigIntegerType;
import org.jalchemy.types.BooleanType;
import org.jalchemy.types.DateTimeType;
import org.jalchemy.types.DateType;
import org.jalchemy.types.DoubleType;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.LargeBinaryType;
import org.jalchemy.types.NullType;
import org.jalchemy.types.NumericType;
import org.jalchemy.types.OffsetDateTimeType;
import org.jalchemy.types.SmallIntegerType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.StringType;
import org.jalchemy.types.TextType;
import org.jalchemy.types.TimeType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite reflection: declared type names are parsed ({@code NVARCHAR(160)}, {@code NUMERIC(10,2)})
 * and unknown names fall back to SQLite's affinity rules; indexes and unique constraints come from
 * {@code PRAGMA index_list}; the names of UNIQUE and FOREIGN KEY constraints and the CHECK
 * constraints, which SQLite's catalog does not keep, are read from the stored CREATE TABLE text
 * ({@link SqliteTableSql}).
 */
final class SqliteReflector extends Reflector {
    private static final Pattern TYPE = Pattern.compile("\\s*([A-Za-z_ ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

    SqliteReflector(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String[] location(Connection c, String schema) {
        return new String[]{null, null};
    }

    @Override
    public List<String> schemaNames(Connection c) {
        return List.of("main");
    }

    @Override
    protected List<String> relations(Connection c, String schema, String kind) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = '"
                     + kind.toLowerCase(Locale.ROOT) + "' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public boolean hasTable(Connection c, String schema, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<Reflected.Column> columns(Connection c, String schema, String table) throws SQLException {
        List<Reflected.Column> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + dialect.quote(table) + ")")) {
            while (rs.next()) {
                String declared = rs.getString("type");
                out.add(new Reflected.Column(rs.getString("name"), parse(declared), declared,
                        rs.getInt("notnull") == 0 && rs.getInt("pk") == 0, rs.getString("dflt_value"), false, null));
            }
        }
        return out;
    }

    /** The whole CREATE VIEW statement, as SQLite keeps it. */
    @Override
    public String viewDefinition(Connection c, String schema, String view) throws SQLException {
        return queryString(c, "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", view);
    }

    @Override
    public String tableComment(Connection c, String schema, String table) {
        return null;
    }

    private SqlType<?> parse(String declared) {
        if (declared == null || declared.isBlank()) {
            return NullType.INSTANCE;
        }
        Matcher m = TYPE.matcher(declared);
        if (!m.matches()) {
            return NullType.INSTANCE;
        }
        String name = m.group(1).trim().toUpperCase(Locale.ROOT);
        Integer p = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer s = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return switch (name) {
            case "INTEGER", "INT", "MEDIUMINT" -> IntegerType.INSTANCE;
            case "BIGINT" -> BigIntegerType.INSTANCE;
            case "SMALLINT", "TINYINT" -> SmallIntegerType.INSTANCE;
            case "BOOLEAN", "BOOL" -> BooleanType.INSTANCE;
            case "VARCHAR", "NVARCHAR", "CHAR", "NCHAR", "CHARACTER VARYING", "CHARACTER", "VARYING CHARACTER",
                 "NATIVE CHARACTER" -> new StringType(p);
            case "TEXT", "CLOB" -> TextType.INSTANCE;
            // SQLite stores every REAL as an 8-byte double whatever the declared name (SQLAlchemy's
            // Float declares FLOAT): a 32-bit Float would round 0.123456789012345 to 0.12345679
            case "FLOAT", "REAL", "DOUBLE", "DOUBLE PRECISION" -> DoubleType.INSTANCE;
            case "NUMERIC", "DECIMAL" -> new NumericType(p, s);
            case "DATE" -> DateType.INSTANCE;
            case "TIME" -> TimeType.INSTANCE;
            case "DATETIME", "TIMESTAMP" -> DateTimeType.INSTANCE;
            case "TIMESTAMP WITH TIME ZONE" -> OffsetDateTimeType.INSTANCE;
            case "BLOB" -> LargeBinaryType.INSTANCE;
            case "JSON" -> json();
            default -> byAffinity(name, p);
        };
    }

    /** JSON as {@code Object} (maps, lists, scalars) when a codec is available, else unknown. */
    static SqlType<?> json() {
        try {
            return new org.jalchemy.types.JsonType<>(Object.class, org.jalchemy.types.JsonCodec.defaultCodec());
        } catch (org.jalchemy.exc.ArgumentError noCodec) {
            return NullType.INSTANCE;
        }
    }

    /** SQLite's affinity rules (section 3.1 of its datatype documentation). */
    private static SqlType<?> byAffinity(String name, Integer length) {
        if (name.contains("INT")) {
            return IntegerType.INSTANCE;
        }
        if (name.contains("CHAR") || name.contains("CLOB") || name.contains("TEXT")) {
            return length != null ? new StringType(length) : TextType.INSTANCE;
        }
        if (name.contains("BLOB")) {
            return LargeBinaryType.INSTANCE;
        }
        if (name.contains("REAL") || name.contains("FLOA") || name.contains("DOUB")) {
            return DoubleType.INSTANCE;
        }
        return NullType.INSTANCE;
    }

    @Override
    public Reflected.PrimaryKey primaryKey(Connection c, String schema, String table) throws SQLException {
        java.util.TreeMap<Integer, String> cols = new java.util.TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + dialect.quote(table) + ")")) {
            while (rs.next()) {
                int pk = rs.getInt("pk");
                if (pk > 0) {
                    cols.put(pk, rs.getString("name"));
                }
            }
        }
        return new Reflected.PrimaryKey(constraintNameOfPrimaryKey(c, table), List.copyOf(cols.values()));
    }

    /** The name in {@code CONSTRAINT name PRIMARY KEY}, read from the table's SQL (SQLite keeps no catalog of it). */
    private String constraintNameOfPrimaryKey(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return null;
                }
                Matcher m = Pattern.compile("CONSTRAINT\\s+(\"[^\"]+\"|\\[[^]]+]|`[^`]+`|\\w+)\\s+PRIMARY\\s+KEY",
                        Pattern.CASE_INSENSITIVE).matcher(rs.getString(1));
                if (!m.find()) {
                    return null;
                }
                String n = m.group(1);
                return n.matches("^[\"\\[`].*") ? n.substring(1, n.length() - 1) : n;
            }
        }
    }

    @Override
    public List<Reflected.Index> indexes(Connection c, String schema, String table) throws SQLException {
        List<Reflected.Index> out = new ArrayList<>();
        for (String[] ix : indexList(c, table)) {
            if (ix[2].equals("c")) {
                List<String> cols = indexColumns(c, ix[0]);
                if (cols.contains(null)) {
                    cols = withExpressions(c, ix[0], cols);
                }
                out.add(new Reflected.Index(ix[0], cols, ix[1].equals("1")));
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    @Override
    public List<Reflected.Unique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        List<SqliteTableSql.Element> parsed = SqliteTableSql.constraints(tableSql(c, table));
        List<Reflected.Unique> out = new ArrayList<>();
        for (String[] ix : indexList(c, table)) {
            if (ix[2].equals("u")) {
                List<String> cols = indexColumns(c, ix[0]);
                String name = parsed.stream().filter(p -> p.kind().equals("UNIQUE") && p.columns().equals(cols))
                        .map(SqliteTableSql.Element::name).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                out.add(new Reflected.Unique(name, cols));
            }
        }
        return out;
    }

    /** Every CHECK constraint, table- and column-level, as written in the table's CREATE TABLE. */
    @Override
    public List<Reflected.Check> checkConstraints(Connection c, String schema, String table) throws SQLException {
        List<Reflected.Check> out = new ArrayList<>();
        for (SqliteTableSql.Element e : SqliteTableSql.constraints(tableSql(c, table))) {
            if (e.kind().equals("CHECK") && e.body() != null) {
                out.add(new Reflected.Check(e.name(), e.body()));
            }
        }
        return out;
    }

    /** Foreign keys with the names their CREATE TABLE gives them (the driver reports none). */
    @Override
    public List<Reflected.ForeignKey> foreignKeys(Connection c, String schema, String table) throws SQLException {
        List<Reflected.ForeignKey> fks = super.foreignKeys(c, schema, table);
        List<SqliteTableSql.Element> parsed = SqliteTableSql.constraints(tableSql(c, table));
        List<Reflected.ForeignKey> out = new ArrayList<>(fks.size());
        for (Reflected.ForeignKey fk : fks) {
            String name = fk.name();
            if (name == null) {
                name = parsed.stream().filter(p -> p.kind().equals("FOREIGN") && p.columns().equals(fk.columns()))
                        .map(SqliteTableSql.Element::name).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
            out.add(new Reflected.ForeignKey(name, fk.columns(), fk.referredSchema(), fk.referredTable(),
                    fk.referredColumns(), fk.onDelete(), fk.onUpdate()));
        }
        return out;
    }

    private static String tableSql(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Fills the expression elements of an index (which PRAGMA index_info reports as null) from its
     * CREATE INDEX text; elements that cannot be recovered stay null.
     */
    private static List<String> withExpressions(Connection c, String index, List<String> cols) throws SQLException {
        String sql;
        try (var ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                sql = rs.next() ? rs.getString(1) : null;
            }
        }
        if (sql == null) {
            return cols;
        }
        int on = sql.toUpperCase(Locale.ROOT).indexOf(" ON ");
        int open = sql.indexOf('(', on);
        int close = sql.lastIndexOf(')');
        if (on < 0 || open < 0 || close < open) {
            return cols;
        }
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++) {
            char ch = sql.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(sql.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(sql.substring(start, close).strip());
        if (parts.size() != cols.size()) {
            return cols;
        }
        List<String> out = new ArrayList<>(cols);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                out.set(i, parts.get(i));
            }
        }
        return out;
    }

    private List<String[]> indexList(Connection c, String table) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA index_list(" + dialect.quote(table) + ")")) {
            while (rs.next()) {
                out.add(new String[]{rs.getString("name"), rs.getString("unique"), rs.getString("origin")});
            }
        }
        return out;
    }

    private List<String> indexColumns(Connection c, String index) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA index_info(" + dialect.quote(index) + ")")) {
            while (rs.next()) {
                out.add(rs.getString("name"));
            }
        }
        return out;
    }
}
