package org.jalchemy.schema;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.types.NullType;
import org.jalchemy.types.SqlType;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a live schema for one dialect (the reflection half of SQLAlchemy's dialect). This base
 * class uses JDBC {@link DatabaseMetaData}; dialects subclass it to map their type names back to
 * jalchemy types ({@link #mapType}), to say how a schema is addressed ({@link #location}) and to
 * read what JDBC metadata lacks (unique and check constraints, autoincrement).
 *
 * <p>Works on a raw JDBC connection because dialects may not depend on the engine; the
 * {@link Inspector} supplies it and translates errors. Stateless; safe to share.
 */
public class Reflector {
    protected final Dialect dialect;

    public Reflector(Dialect dialect) {
        this.dialect = dialect;
    }

    /** JDBC catalog and schema pattern for {@code schema} (null: the connection's default). */
    protected String[] location(Connection c, String schema) throws SQLException {
        return new String[]{null, schema != null ? schema : c.getSchema()};
    }

    public List<String> schemaNames(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getSchemas()) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_SCHEM"));
            }
        }
        return out;
    }

    public List<String> tableNames(Connection c, String schema) throws SQLException {
        return relations(c, schema, "TABLE");
    }

    public List<String> viewNames(Connection c, String schema) throws SQLException {
        return relations(c, schema, "VIEW");
    }

    protected List<String> relations(Connection c, String schema, String kind) throws SQLException {
        String[] loc = location(c, schema);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(loc[0], loc[1], "%", new String[]{kind})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        out.sort(null);
        return out;
    }

    public boolean hasTable(Connection c, String schema, String table) throws SQLException {
        String[] loc = location(c, schema);
        try (ResultSet rs = c.getMetaData().getTables(loc[0], loc[1], namePattern(c, table), new String[]{"TABLE", "VIEW"})) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Everything about each of {@code tables} (SQLAlchemy 2.0's {@code get_multi_*}), keyed and
     * ordered as given; a name that is not a table of the schema is left out. This default asks the
     * per-table methods, table by table; a dialect that can read a whole schema in a fixed number of
     * queries overrides it, and must return exactly what the per-table methods would.
     */
    public java.util.Map<String, Reflected.Table> tables(Connection c, String schema, java.util.Collection<String> tables)
            throws SQLException {
        java.util.Map<String, Reflected.Table> out = new LinkedHashMap<>();
        for (String t : tables) {
            if (hasTable(c, schema, t)) {
                out.put(t, new Reflected.Table(t, columns(c, schema, t), primaryKey(c, schema, t),
                        foreignKeys(c, schema, t), indexes(c, schema, t), uniqueConstraints(c, schema, t),
                        checkConstraints(c, schema, t), tableComment(c, schema, t)));
            }
        }
        return out;
    }

    /** The SELECT of view {@code view}, as the database keeps it, or null when there is no such view. */
    public String viewDefinition(Connection c, String schema, String view) throws SQLException {
        return null;
    }

    /** One string from a one-parameter-per-argument query, or null. */
    protected static String queryString(Connection c, String sql, String... params) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether a named type (PostgreSQL enum) exists. */
    public boolean hasType(Connection c, String schema, String name) throws SQLException {
        return false;
    }

    public String tableComment(Connection c, String schema, String table) throws SQLException {
        String[] loc = location(c, schema);
        try (ResultSet rs = c.getMetaData().getTables(loc[0], loc[1], namePattern(c, table), null)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    String r = rs.getString("REMARKS");
                    return r == null || r.isEmpty() ? null : r;
                }
            }
        }
        return null;
    }

    public List<Reflected.Column> columns(Connection c, String schema, String table) throws SQLException {
        String[] loc = location(c, schema);
        List<Reflected.Column> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(loc[0], loc[1], namePattern(c, table), "%")) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    out.add(columnFrom(rs));
                }
            }
        }
        return out;
    }

    /** The column described by the current row of a {@link DatabaseMetaData#getColumns} result. */
    protected Reflected.Column columnFrom(ResultSet rs) throws SQLException {
        String typeName = rs.getString("TYPE_NAME");
        int size = rs.getInt("COLUMN_SIZE");
        int digits = rs.getInt("DECIMAL_DIGITS");
        boolean digitsNull = rs.wasNull();
        String def = rs.getString("COLUMN_DEF");
        String auto = rs.getString("IS_AUTOINCREMENT");
        String remarks = rs.getString("REMARKS");
        boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        SqlType<?> type = mapType(typeName, rs.getInt("DATA_TYPE"), size, digitsNull ? null : digits);
        boolean autoinc = "YES".equalsIgnoreCase(auto);
        return new Reflected.Column(rs.getString("COLUMN_NAME"), type, typeName, nullable,
                normalizeDefault(def, autoinc), autoinc, remarks == null || remarks.isEmpty() ? null : remarks);
    }

    /** The server default as SQL, or null (dialects drop sequence defaults of autoincrement columns). */
    protected String normalizeDefault(String def, boolean autoincrement) {
        return def;
    }

    /** The jalchemy type for a database type; {@link NullType} when unknown. */
    protected SqlType<?> mapType(String typeName, int jdbcType, int size, Integer digits) {
        return NullType.INSTANCE;
    }

    public Reflected.PrimaryKey primaryKey(Connection c, String schema, String table) throws SQLException {
        String[] loc = location(c, schema);
        TreeMap<Integer, String> cols = new TreeMap<>();
        String name = null;
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(loc[0], loc[1], table)) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                cols.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                name = rs.getString("PK_NAME");
            }
        }
        return new Reflected.PrimaryKey(name, List.copyOf(cols.values()));
    }

    public List<Reflected.ForeignKey> foreignKeys(Connection c, String schema, String table) throws SQLException {
        String[] loc = location(c, schema);
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        Map<String, String[]> info = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getImportedKeys(loc[0], loc[1], table)) {
            int anon = 0;
            while (rs.next()) {
                if (!table.equals(rs.getString("FKTABLE_NAME"))) {
                    continue;
                }
                String fkName = rs.getString("FK_NAME");
                int seq = rs.getInt("KEY_SEQ");
                String key = fkName != null && !fkName.isEmpty() ? fkName : null;
                if (key == null) {
                    key = "\u0000" + (seq == 1 ? ++anon : anon);
                }
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[]{
                        String.valueOf(seq), rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
                String refSchema = loc[0] != null ? rs.getString("PKTABLE_CAT") : rs.getString("PKTABLE_SCHEM");
                info.put(key, new String[]{refSchema, rs.getString("PKTABLE_NAME"),
                        normalizeRule(rule(rs.getShort("DELETE_RULE"))),
                        normalizeRule(rule(rs.getShort("UPDATE_RULE")))});
            }
        }
        List<Reflected.ForeignKey> out = new ArrayList<>();
        for (var e : byName.entrySet()) {
            List<String[]> parts = e.getValue();
            parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
            String[] i = info.get(e.getKey());
            String refSchema = sameSchema(c, schema, i[0]) ? null : i[0];
            out.add(new Reflected.ForeignKey(e.getKey().startsWith("\u0000") ? null : e.getKey(),
                    parts.stream().map(p -> p[1]).toList(), refSchema, i[1], parts.stream().map(p -> p[2]).toList(),
                    i[2], i[3]));
        }
        out.sort((a, b) -> String.valueOf(a.name()).compareTo(String.valueOf(b.name())));
        return out;
    }

    /** True when {@code refSchema} is the schema being reflected (so the reference needs no schema). */
    protected boolean sameSchema(Connection c, String schema, String refSchema) throws SQLException {
        if (refSchema == null) {
            return true;
        }
        String[] loc = location(c, schema);
        String current = loc[0] != null ? loc[0] : loc[1];
        return refSchema.equals(current);
    }

    /** A referential action as reported, or null when it is the database's default behaviour. */
    protected String normalizeRule(String action) {
        return action;
    }

    private static String rule(short r) {
        return switch (r) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> null; // NO ACTION, the default
        };
    }

    /** Indexes that are neither the primary key nor the backing index of a unique constraint. */
    public List<Reflected.Index> indexes(Connection c, String schema, String table) throws SQLException {
        String[] loc = location(c, schema);
        Map<String, TreeMap<Integer, String>> cols = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(loc[0], loc[1], table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || !table.equals(rs.getString("TABLE_NAME"))
                        || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                cols.computeIfAbsent(name, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"),
                        rs.getString("COLUMN_NAME"));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        Reflected.PrimaryKey pk = primaryKey(c, schema, table);
        List<String> uniqueNames = uniqueConstraints(c, schema, table).stream().map(Reflected.Unique::name).toList();
        List<Reflected.Index> out = new ArrayList<>();
        for (var e : cols.entrySet()) {
            List<String> cs = List.copyOf(e.getValue().values());
            if (isPrimaryKeyIndex(e.getKey(), pk, cs, unique.get(e.getKey())) || uniqueNames.contains(e.getKey())) {
                continue;
            }
            out.add(new Reflected.Index(e.getKey(), cs, unique.get(e.getKey())));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    protected boolean isPrimaryKeyIndex(String indexName, Reflected.PrimaryKey pk, List<String> columns, boolean unique) {
        return unique && (indexName.equals(pk.name()) || "PRIMARY".equals(indexName));
    }

    public List<Reflected.Unique> uniqueConstraints(Connection c, String schema, String table) throws SQLException {
        return List.of();
    }

    public List<Reflected.Check> checkConstraints(Connection c, String schema, String table) throws SQLException {
        return List.of();
    }

    /** Escapes LIKE wildcards of a table name for DatabaseMetaData patterns. */
    /**
     * {@code name} as a JDBC metadata pattern that matches exactly that name: LIKE wildcards and the
     * escape character escaped. Every caller re-checks the names returned, so a driver that reads
     * the pattern differently can only make a lookup miss, never hit another table; dialects whose
     * driver does so override this.
     */
    protected String namePattern(Connection c, String name) throws SQLException {
        return escape(c, name);
    }

    protected static String escape(Connection c, String name) throws SQLException {
        String esc = c.getMetaData().getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }
}
