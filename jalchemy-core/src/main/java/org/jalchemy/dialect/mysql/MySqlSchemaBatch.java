package org.jalchemy.dialect.mysql;

import org.jalchemy.schema.Reflected;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reflects many tables of one MySQL/MariaDB database at once: seven queries over the whole
 * schema (columns through the driver's {@code getColumns}, the rest from information_schema,
 * each filtered by the schema name only), grouped by table in memory. Autogenerate over 200
 * tables asked about 2,000 per-table queries before.
 *
 * <p>Invariant: for every table it returns exactly the records {@link MySqlReflector}'s per-table
 * methods return (same names, order, type mapping and normalisation); BatchedReflectionTest
 * compares the two on every table of Chinook and of a schema with every constraint kind. When
 * changing one path, change the other.
 *
 * <p>The schema name is bound as a constant, never {@code DATABASE()}: see
 * {@link MySqlReflector#database}. One use per read; not thread-safe.
 */
final class MySqlSchemaBatch {
    private final MySqlReflector reflector;
    private final String db;

    MySqlSchemaBatch(MySqlReflector reflector, String db) {
        this.reflector = reflector;
        this.db = db;
    }

    Map<String, Reflected.Table> read(Connection c, Collection<String> tables) throws SQLException {
        Map<String, List<Reflected.Column>> columns = columns(c);
        Map<String, Map<String, String>> enumTypes = enumColumnTypes(c);
        Map<String, Map<String, TreeMap<Integer, String>>> indexColumns = new HashMap<>();
        Map<String, Map<String, Boolean>> indexUnique = new HashMap<>();
        statistics(c, indexColumns, indexUnique);
        Map<String, List<Reflected.Unique>> uniques = uniques(c);
        Map<String, List<Reflected.ForeignKey>> fks = foreignKeys(c);
        Map<String, List<Reflected.Check>> checks = checks(c);
        Map<String, String> comments = comments(c);

        Map<String, Reflected.Table> out = new LinkedHashMap<>();
        for (String t : tables) {
            List<Reflected.Column> raw = columns.get(t);
            if (raw == null) {
                continue; // not a table of this schema (or a view's columns only)
            }
            List<Reflected.Check> ck = checks.getOrDefault(t, List.of());
            Map<String, String> enums = enumTypes.getOrDefault(t, Map.of());
            List<Reflected.Column> cols = new ArrayList<>(raw.size());
            for (Reflected.Column col : raw) {
                List<String> values = "enum".equalsIgnoreCase(col.typeName())
                        ? MySqlReflector.parseEnum(enums.get(col.name())) : List.of();
                cols.add(MySqlReflector.refine(col, ck, values));
            }
            Map<String, TreeMap<Integer, String>> ixCols = indexColumns.getOrDefault(t, Map.of());
            Map<String, Boolean> ixUnique = indexUnique.getOrDefault(t, Map.of());
            TreeMap<Integer, String> pkCols = ixCols.get("PRIMARY");
            Reflected.PrimaryKey pk = pkCols == null ? new Reflected.PrimaryKey(null, List.of())
                    : new Reflected.PrimaryKey("PRIMARY", List.copyOf(pkCols.values()));
            List<Reflected.Unique> uq = uniques.getOrDefault(t, List.of());
            List<Reflected.ForeignKey> fk = fks.getOrDefault(t, List.of());
            List<Reflected.Index> ix = new ArrayList<>();
            for (Map.Entry<String, TreeMap<Integer, String>> e : ixCols.entrySet()) {
                String name = e.getKey();
                List<String> cs = List.copyOf(e.getValue().values());
                boolean unique = ixUnique.get(name);
                if (unique && name.equals("PRIMARY") || uq.stream().anyMatch(u -> u.name().equals(name))
                        || fk.stream().anyMatch(f -> name.equals(f.name()) && cs.equals(f.columns()))) {
                    continue;
                }
                ix.add(new Reflected.Index(name, cs, unique));
            }
            ix.sort((a, b) -> a.name().compareTo(b.name()));
            out.put(t, new Reflected.Table(t, List.copyOf(cols), pk, fk, List.copyOf(ix), uq, ck, comments.get(t)));
        }
        return out;
    }

    private Map<String, List<Reflected.Column>> columns(Connection c) throws SQLException {
        Map<String, List<Reflected.Column>> out = new HashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(db, null, "%", "%")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString("TABLE_NAME"), k -> new ArrayList<>()).add(reflector.column(rs));
            }
        }
        return out;
    }

    private Map<String, Map<String, String>> enumColumnTypes(Connection c) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        query(c, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                + "AND DATA_TYPE = 'enum'", rs -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .put(rs.getString(2), rs.getString(3)), db);
        return out;
    }

    private void statistics(Connection c, Map<String, Map<String, TreeMap<Integer, String>>> columns,
                            Map<String, Map<String, Boolean>> unique) throws SQLException {
        query(c, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", rs -> {
            String table = rs.getString(1);
            String index = rs.getString(2);
            columns.computeIfAbsent(table, k -> new LinkedHashMap<>()).computeIfAbsent(index, k -> new TreeMap<>())
                    .put(rs.getInt(4), rs.getString(5));
            unique.computeIfAbsent(table, k -> new HashMap<>()).put(index, rs.getInt(3) == 0);
        }, db);
    }

    private Map<String, List<Reflected.Unique>> uniques(Connection c) throws SQLException {
        Map<String, Map<String, List<String>>> byTable = new HashMap<>();
        query(c, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME FROM information_schema.TABLE_CONSTRAINTS t "
                + "JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND "
                + "k.CONSTRAINT_NAME = t.CONSTRAINT_NAME AND k.TABLE_NAME = t.TABLE_NAME WHERE t.CONSTRAINT_TYPE = 'UNIQUE' "
                + "AND t.TABLE_SCHEMA = ? AND k.TABLE_SCHEMA = ? ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
                rs -> byTable.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3)), db, db);
        Map<String, List<Reflected.Unique>> out = new HashMap<>();
        byTable.forEach((table, byName) -> {
            List<Reflected.Unique> list = new ArrayList<>();
            byName.forEach((n, cols) -> list.add(new Reflected.Unique(n, List.copyOf(cols))));
            out.put(table, list);
        });
        return out;
    }

    private Map<String, List<Reflected.ForeignKey>> foreignKeys(Connection c) throws SQLException {
        record Part(String constraint, String column, String refSchema, String refTable, String refColumn,
                    String onDelete, String onUpdate) {
        }
        Map<String, Map<String, List<Part>>> byTable = new HashMap<>();
        query(c, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, "
                + "k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
                + "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND "
                + "r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = ? "
                + "AND r.CONSTRAINT_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                + "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION", rs -> byTable
                .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                .add(new Part(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rule(rs.getString(7)), rule(rs.getString(8)))), db, db);
        Map<String, List<Reflected.ForeignKey>> out = new HashMap<>();
        byTable.forEach((table, byName) -> {
            List<Reflected.ForeignKey> list = new ArrayList<>();
            byName.forEach((n, parts) -> {
                Part p = parts.get(0);
                list.add(new Reflected.ForeignKey(n, parts.stream().map(Part::column).toList(),
                        db.equals(p.refSchema()) ? null : p.refSchema(), p.refTable(),
                        parts.stream().map(Part::refColumn).toList(), p.onDelete(), p.onUpdate()));
            });
            list.sort((a, b) -> String.valueOf(a.name()).compareTo(String.valueOf(b.name())));
            out.put(table, list);
        });
        return out;
    }

    /** A referential action as the per-table path reports it: NO ACTION and RESTRICT are "none given". */
    private String rule(String action) {
        return action == null || action.equals("NO ACTION") ? null : reflector.normalizeRule(action);
    }

    private Map<String, List<Reflected.Check>> checks(Connection c) throws SQLException {
        Map<String, List<Reflected.Check>> out = new HashMap<>();
        if (reflector.isMariaDb()) {
            query(c, "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                    + "WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME", rs -> out
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Reflected.Check(rs.getString(2), rs.getString(3))), db);
        } else {
            query(c, "SELECT t.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS cc "
                    + "JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND "
                    + "t.CONSTRAINT_NAME = cc.CONSTRAINT_NAME WHERE t.CONSTRAINT_TYPE = 'CHECK' AND t.TABLE_SCHEMA = ? "
                    + "AND cc.CONSTRAINT_SCHEMA = ? ORDER BY t.TABLE_NAME, cc.CONSTRAINT_NAME", rs -> out
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Reflected.Check(rs.getString(2), rs.getString(3))), db, db);
        }
        return out;
    }

    private Map<String, String> comments(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        query(c, "SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", rs -> {
            String r = rs.getString(2);
            if (r != null && !r.isEmpty()) {
                out.put(rs.getString(1), r);
            }
        }, db);
        return out;
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler handler, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
