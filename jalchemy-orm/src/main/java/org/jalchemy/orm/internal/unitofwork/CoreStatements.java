package org.jalchemy.orm.internal.unitofwork;

import org.jalchemy.dialect.Dialect;
import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.MappedTable;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.BindParameter;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Compiled;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Executable;
import org.jalchemy.sql.Insert;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.Sql;
import org.jalchemy.sql.Update;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link OrmStatements} built with Core's expression language over the entity's
 * {@link org.jalchemy.orm.mapping.MappedTable}: values are named bind parameters {@code p0, p1, ...}
 * in the documented positional order, and each compiled statement is checked once to place them
 * in that order, so executions bind {@code Object[]} rows directly. Cached in the mapper per
 * (dialect, shape).
 */
public final class CoreStatements implements OrmStatements {
    public static final CoreStatements INSTANCE = new CoreStatements();

    private CoreStatements() {
    }

    private record Key(Dialect dialect, String kind, List<Object> shape) {
    }

    private static final class Params {
        private int next;

        @SuppressWarnings({"unchecked", "rawtypes"})
        BindParameter<Object> of(ColumnProperty p) {
            return Sql.bindparam("p" + next++, (SqlType) p.type());
        }
    }

    @Override
    public Compiled insert(Dialect d, Mapper<?> m, MappedTable<?> table, ColumnProperty[] columns, int rows,
                           ColumnProperty[] returning) {
        Key key = new Key(d, "insert", List.of(table.name(), names(columns), rows, names(returning)));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            Params p = new Params();
            Insert ins = Sql.insert(table);
            if (columns.length > 0) {
                List<Map<Object, Object>> maps = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    Map<Object, Object> row = new LinkedHashMap<>();
                    for (ColumnProperty c : columns) {
                        row.put(table.column(c), p.of(c));
                    }
                    maps.add(row);
                }
                ins = rows == 1 ? ins.values(maps.get(0)) : ins.values(maps);
            }
            Executable stmt;
            if (returning.length > 0) {
                stmt = ins.returning(attributes(table, returning));
            } else {
                stmt = ins.forExecuteMany(Set.of()); // no implicit RETURNING of the key
            }
            return checked(stmt.compile(d), p.next);
        });
    }

    @Override
    public Compiled update(Dialect d, Mapper<?> m, MappedTable<?> table, ColumnProperty[] set, boolean checkVersion) {
        Key key = new Key(d, "update", List.of(table.name(), names(set), checkVersion));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            Params p = new Params();
            Map<Object, Object> values = new LinkedHashMap<>();
            for (ColumnProperty c : set) {
                values.put(table.column(c), p.of(c));
            }
            Update upd = Sql.update(table).values(values);
            upd = upd.where(keyCriteria(m, table, p, checkVersion));
            return checked(upd.compile(d), p.next);
        });
    }

    @Override
    public Compiled delete(Dialect d, Mapper<?> m, MappedTable<?> table, boolean checkVersion) {
        Key key = new Key(d, "delete", List.of(table.name(), checkVersion));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            Params p = new Params();
            Delete del = Sql.delete(table).where(keyCriteria(m, table, p, checkVersion));
            return checked(del.compile(d), p.next);
        });
    }

    @Override
    public Compiled select(Dialect d, Mapper<?> m, List<Criterion> where) {
        List<String> shape = new ArrayList<>(where.size());
        for (Criterion c : where) {
            shape.add(c.property().name() + (c.value() == null ? " null" : ""));
        }
        Key key = new Key(d, "select", List.copyOf(shape));
        return (Compiled) m.cache().computeIfAbsent(key, k -> {
            Params p = new Params();
            Select<?> sel = Sql.select(m.table());
            for (Criterion c : where) {
                Attribute<?, Object> a = m.attribute(c.property().name());
                sel = sel.where(c.value() == null ? a.isNull() : a.eq(p.of(c.property())));
            }
            return checked(sel.compile(d), p.next);
        });
    }

    @SuppressWarnings("unchecked")
    private static ColumnElement<Boolean>[] keyCriteria(Mapper<?> m, MappedTable<?> table, Params p, boolean version) {
        List<ColumnElement<Boolean>> out = new ArrayList<>();
        for (int i = 0; i < m.primaryKeySize(); i++) {
            ColumnProperty pk = m.primaryKey(i);
            Attribute<?, Object> a = (Attribute<?, Object>) table.column(pk);
            out.add(a.eq(p.of(pk)));
        }
        if (version) {
            Attribute<?, Object> a = (Attribute<?, Object>) table.column(m.versionProperty());
            out.add(a.eq(p.of(m.versionProperty())));
        }
        return out.toArray(ColumnElement[]::new);
    }

    /** Checks the placeholders come in positional order {@code p0..p(n-1)}, as the callers bind them. */
    private static Compiled checked(Compiled c, int expected) {
        Compiled.BindSlot[] slots = c.slots();
        boolean ok = slots.length == expected;
        for (int i = 0; ok && i < slots.length; i++) {
            ok = slots[i].valueIndex() < 0 && ("p" + i).equals(slots[i].name());
        }
        if (!ok) {
            throw new IllegalStateException("Compiled ORM statement binds " + Arrays.stream(slots)
                    .map(Compiled.BindSlot::name).toList() + ", expected p0..p" + (expected - 1) + " in order: " + c.sql());
        }
        return c;
    }

    private static Attribute<?, ?>[] attributes(MappedTable<?> table, ColumnProperty[] props) {
        Attribute<?, ?>[] out = new Attribute<?, ?>[props.length];
        for (int i = 0; i < props.length; i++) {
            out[i] = table.column(props[i]);
        }
        return out;
    }

    private static List<String> names(ColumnProperty[] cols) {
        return Arrays.stream(cols).map(ColumnProperty::name).toList();
    }
}
