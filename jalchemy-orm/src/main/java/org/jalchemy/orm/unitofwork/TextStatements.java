package org.jalchemy.orm.unitofwork;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.Compiled;
import org.jalchemy.types.IntegerType;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interim {@link OrmStatements} that writes SQL text itself (identifiers quoted by the dialect,
 * every value a bound parameter), used until Core's expression language lands. Compiled
 * statements are cached in the mapper's cache under a key holding the dialect and the shape.
 */
public final class TextStatements implements OrmStatements {
    public static final TextStatements INSTANCE = new TextStatements();

    private TextStatements() {
    }

    private record Key(Dialect dialect, String kind, List<Object> shape) {
    }

    @Override
    public Compiled insert(Dialect d, Mapper<?> m, ColumnProperty[] columns, int rows, ColumnProperty[] returning) {
        Key key = new Key(d, "insert", List.of(names(columns), rows, names(returning)));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table(d, m)).append(" (");
            join(sql, d, columns);
            sql.append(") VALUES ");
            List<Compiled.BindSlot> slots = new ArrayList<>(columns.length * rows);
            for (int r = 0; r < rows; r++) {
                sql.append(r == 0 ? "(" : ", (");
                for (int i = 0; i < columns.length; i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                    slots.add(slot("p" + slots.size(), columns[i], d));
                }
                sql.append(')');
            }
            if (columns.length == 0) { // every column defaulted
                sql.setLength(0);
                sql.append("INSERT INTO ").append(table(d, m)).append(isMysql(d)
                        ? " () VALUES ()" : " DEFAULT VALUES");
            }
            Compiled.ResultColumn[] rc = new Compiled.ResultColumn[0];
            if (returning.length > 0) {
                sql.append(" RETURNING ");
                join(sql, d, returning);
                rc = resultColumns(d, returning);
            }
            return new Compiled(sql.toString(), slots.toArray(Compiled.BindSlot[]::new), rc, d, returning.length > 0);
        });
    }

    private static boolean isMysql(Dialect d) {
        return d.name().equals("mariadb") || d.name().equals("mysql");
    }

    @Override
    public Compiled update(Dialect d, Mapper<?> m, ColumnProperty[] set, boolean checkVersion) {
        Key key = new Key(d, "update", List.of(names(set), checkVersion));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            StringBuilder sql = new StringBuilder("UPDATE ").append(table(d, m)).append(" SET ");
            List<Compiled.BindSlot> slots = new ArrayList<>();
            for (int i = 0; i < set.length; i++) {
                sql.append(i == 0 ? "" : ", ").append(d.quoteIdentifier(set[i].columnName())).append(" = ?");
                slots.add(slot(set[i].name(), set[i], d));
            }
            wherePk(sql, slots, d, m, checkVersion);
            return new Compiled(sql.toString(), slots.toArray(Compiled.BindSlot[]::new), new Compiled.ResultColumn[0], d, false);
        });
    }

    @Override
    public Compiled delete(Dialect d, Mapper<?> m, boolean checkVersion) {
        Key key = new Key(d, "delete", List.of(checkVersion));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            StringBuilder sql = new StringBuilder("DELETE FROM ").append(table(d, m));
            List<Compiled.BindSlot> slots = new ArrayList<>();
            wherePk(sql, slots, d, m, checkVersion);
            return new Compiled(sql.toString(), slots.toArray(Compiled.BindSlot[]::new), new Compiled.ResultColumn[0], d, false);
        });
    }

    private static void wherePk(StringBuilder sql, List<Compiled.BindSlot> slots, Dialect d, Mapper<?> m, boolean version) {
        sql.append(" WHERE ");
        for (int i = 0; i < m.primaryKeySize(); i++) {
            ColumnProperty p = m.primaryKey(i);
            sql.append(i == 0 ? "" : " AND ").append(d.quoteIdentifier(p.columnName())).append(" = ?");
            slots.add(slot("pk_" + p.name(), p, d));
        }
        if (version) {
            ColumnProperty v = m.versionProperty();
            sql.append(" AND ").append(d.quoteIdentifier(v.columnName())).append(" = ?");
            slots.add(slot("version_" + v.name(), v, d));
        }
    }

    @Override
    public Compiled select(Dialect d, Mapper<?> m, List<Criterion> where, List<Ordering> orderBy, boolean limit,
                           boolean offset) {
        Key key = new Key(d, "select", List.of(shape(where), orderShape(orderBy), limit, offset));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            StringBuilder sql = new StringBuilder("SELECT ");
            List<ColumnProperty> props = m.properties();
            for (int i = 0; i < props.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(d.quoteIdentifier(props.get(i).columnName()));
            }
            sql.append(" FROM ").append(table(d, m));
            List<Compiled.BindSlot> slots = new ArrayList<>();
            where(sql, slots, d, where);
            for (int i = 0; i < orderBy.size(); i++) {
                Ordering o = orderBy.get(i);
                sql.append(i == 0 ? " ORDER BY " : ", ").append(d.quoteIdentifier(o.property().columnName()))
                        .append(o.descending() ? " DESC" : "");
            }
            if (limit) {
                sql.append(" LIMIT ?");
                slots.add(Compiled.BindSlot.named("limit", IntegerType.INSTANCE));
            }
            if (offset) {
                if (!limit) {
                    // SQLite and MySQL need a LIMIT before OFFSET; a huge one means "no limit"
                    sql.append(isMysql(d) ? " LIMIT 18446744073709551615" : d.name().equals("sqlite") ? " LIMIT -1" : "");
                }
                sql.append(" OFFSET ?");
                slots.add(Compiled.BindSlot.named("offset", IntegerType.INSTANCE));
            }
            return new Compiled(sql.toString(), slots.toArray(Compiled.BindSlot[]::new),
                    resultColumns(d, props.toArray(ColumnProperty[]::new)), d, true);
        });
    }

    @Override
    public Compiled count(Dialect d, Mapper<?> m, List<Criterion> where) {
        Key key = new Key(d, "count", List.of(shape(where)));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(table(d, m));
            List<Compiled.BindSlot> slots = new ArrayList<>();
            where(sql, slots, d, where);
            return new Compiled(sql.toString(), slots.toArray(Compiled.BindSlot[]::new),
                    new Compiled.ResultColumn[]{new Compiled.ResultColumn("count", null)}, d, true);
        });
    }

    private static void where(StringBuilder sql, List<Compiled.BindSlot> slots, Dialect d, List<Criterion> where) {
        for (int i = 0; i < where.size(); i++) {
            Criterion c = where.get(i);
            sql.append(i == 0 ? " WHERE " : " AND ").append(d.quoteIdentifier(c.property().columnName()));
            if (c.value() == null) {
                sql.append(" IS NULL");
            } else {
                sql.append(" = ?");
                slots.add(slot(c.property().name(), c.property(), d));
            }
        }
    }

    private static List<String> shape(List<Criterion> where) {
        List<String> s = new ArrayList<>(where.size());
        for (Criterion c : where) {
            s.add(c.property().name() + (c.value() == null ? " null" : ""));
        }
        return s;
    }

    private static List<String> orderShape(List<Ordering> order) {
        List<String> s = new ArrayList<>(order.size());
        for (Ordering o : order) {
            s.add(o.property().name() + (o.descending() ? " desc" : ""));
        }
        return s;
    }

    private static Compiled.BindSlot slot(String name, ColumnProperty p, Dialect d) {
        return Compiled.BindSlot.named(name, d.typeImpl(p.type()));
    }

    private static Compiled.ResultColumn[] resultColumns(Dialect d, ColumnProperty[] props) {
        Compiled.ResultColumn[] rc = new Compiled.ResultColumn[props.length];
        for (int i = 0; i < props.length; i++) {
            SqlType<?> t = d.typeImpl(props[i].type());
            rc[i] = new Compiled.ResultColumn(props[i].columnName(), t);
        }
        return rc;
    }

    private static String table(Dialect d, Mapper<?> m) {
        return m.schema() == null ? d.quoteIdentifier(m.tableName()) : d.quoteIdentifier(m.schema()) + "." + d.quoteIdentifier(m.tableName());
    }

    private static void join(StringBuilder sql, Dialect d, ColumnProperty[] cols) {
        for (int i = 0; i < cols.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(d.quoteIdentifier(cols[i].columnName()));
        }
    }

    private static List<String> names(ColumnProperty[] cols) {
        return Arrays.stream(cols).map(ColumnProperty::name).toList();
    }
}
