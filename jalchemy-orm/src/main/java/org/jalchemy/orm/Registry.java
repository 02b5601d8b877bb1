package org.jalchemy.orm;

import org.jalchemy.orm.mapping.ColumnProperty;
import org.jalchemy.orm.mapping.ForeignKeyRef;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.orm.mapping.TableConstraint;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.types.SqlType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of mapped classes and the {@link MetaData} holding their tables (SQLAlchemy's
 * {@code registry} / declarative {@code Base}): {@code Registry.of(User.class, Post.class)
 * .metadata().createAll(engine)} is guide §4's {@code Base.metadata.create_all(engine)}.
 *
 * <p>Mapping happens eagerly here, so every mapping error (no primary key, unmappable type,
 * duplicate column, foreign key to a table or column nobody declares) surfaces at
 * {@code Registry.of}, naming class and field. Immutable after construction; thread-safe.
 */
public final class Registry {
    private final MetaData metadata;
    private final Map<Class<?>, Mapper<?>> mappers = new LinkedHashMap<>();
    private final Map<Mapper<?>, Table> tables = new LinkedHashMap<>();

    private Registry(MetaData metadata, Class<?>... classes) {
        this.metadata = metadata;
        for (Class<?> c : classes) {
            Mapper<?> m = Mapper.of(c);
            if (!ownsTable(m)) { // a single-table subclass (its columns go to the base's table) or an abstract concrete base
                mappers.put(c, m);
                continue;
            }
            String key = key(m.schema(), m.tableName());
            for (Mapper<?> other : mappers.values()) {
                if (ownsTable(other) && key(other.schema(), other.tableName()).equals(key)) {
                    throw new MappingError("Entities " + other.type().getName() + " and " + c.getName()
                            + " both map table '" + key + "'");
                }
            }
            if (metadata.hasTable(key)) {
                throw new MappingError("Entity " + c.getName() + " maps table '" + key
                        + "', which the MetaData already holds");
            }
            mappers.put(c, m);
        }
        for (Mapper<?> m : mappers.values()) { // every class is mapped now: hierarchies can be configured
            if (m.hierarchy() != null) {
                m.hierarchy().mappers();
            }
        }
        for (Mapper<?> m : mappers.values()) {
            if (ownsTable(m)) {
                tables.put(m, buildTable(m));
            }
        }
        for (Mapper<?> m : mappers.values()) {
            if (!ownsTable(m) && m.parent() != null) { // single-table subclass: its base's table
                Mapper<?> root = m.hierarchy().root();
                Table t = tables.get(root);
                if (t == null) {
                    throw new MappingError("Entity " + m.type().getName() + " is stored in the table of "
                            + root.type().getName() + " (single-table inheritance); register " + root.entityName()
                            + " in the same Registry.of(...)");
                }
                tables.put(m, t);
            }
        }
        for (Mapper<?> m : mappers.values()) {
            checkForeignKeys(m);
            checkCompositeForeignKeys(m);
        }
        for (Mapper<?> m : mappers.values()) {
            for (org.jalchemy.orm.mapping.RelationshipProperty rel : m.relationships()) {
                var r = rel.resolved(); // relationship errors surface here, at registration
                if (r.secondary() != null && mappers.containsKey(r.target().type())) {
                    declareSecondary(rel, r);
                }
            }
        }
    }

    /**
     * The association table of a many-to-many relationship: declared here when nobody declared it
     * (two NOT NULL columns forming the primary key, each a foreign key to one side), checked when
     * the MetaData already holds it (declared by the other side, or by the application).
     */
    private void declareSecondary(org.jalchemy.orm.mapping.RelationshipProperty rel,
                                  org.jalchemy.orm.mapping.RelationshipProperty.Resolved r) {
        var sec = r.secondary();
        String key = key(sec.table().schema(), sec.table().name());
        if (metadata.hasTable(key)) {
            Table t = metadata.table(key);
            for (String c : List.of(sec.localName(), sec.remoteName())) {
                if (!t.hasColumn(c)) {
                    throw new MappingError("Relationship " + rel.where() + " uses secondary table '" + key
                            + "', which has no column '" + c + "' (its columns are "
                            + t.columns().stream().map(Column::name).toList() + "); give secondaryColumns");
                }
            }
            return;
        }
        Table t = new Table(sec.table().name(), sec.table().schema(), metadata);
        addKeyColumn(t, sec.localName(), r.local(), rel.owner());
        addKeyColumn(t, sec.remoteName(), r.remote(), r.target());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addKeyColumn(Table t, String name, ColumnProperty key, Mapper<?> side) {
        Column<?> c = t.column(name, (SqlType) key.type());
        c.primaryKey();
        c.autoincrement(false);
        c.nullable(false);
        String target = (side.schema() == null ? "" : side.schema() + ".") + side.tableName() + "." + key.columnName();
        c.foreignKey(ForeignKey.to(target));
    }

    /** Maps {@code classes} into a new {@link MetaData}. */
    public static Registry of(Class<?>... classes) {
        return new Registry(new MetaData(), classes);
    }

    /** Maps {@code classes} into an existing {@link MetaData} (e.g. one with a naming convention or Core tables). */
    public static Registry of(MetaData metadata, Class<?>... classes) {
        return new Registry(metadata, classes);
    }

    /** The tables of every mapped class (plus whatever the MetaData held before). */
    public MetaData metadata() {
        return metadata;
    }

    /** The mapper of a class of this registry; {@link UnmappedClassError} when it is not one. */
    @SuppressWarnings("unchecked")
    public <E> Mapper<E> mapper(Class<E> type) {
        Mapper<?> m = mappers.get(type);
        if (m == null) {
            throw new UnmappedClassError("Class " + type.getName() + " is not mapped by this registry; its classes are "
                    + mappers.keySet().stream().map(Class::getSimpleName).toList());
        }
        return (Mapper<E>) m;
    }

    /** The Core table of a mapped class. */
    public Table table(Class<?> type) {
        return tables.get(mapper(type));
    }

    /** Mapped classes in registration order. */
    public List<Class<?>> classes() {
        return Collections.unmodifiableList(new ArrayList<>(mappers.keySet()));
    }

    /** False for a single-table subclass (stored in its base's table) and an abstract concrete-table base (no rows). */
    private static boolean ownsTable(Mapper<?> m) {
        org.jalchemy.orm.mapping.Hierarchy h = m.hierarchy();
        if (h == null) {
            return true;
        }
        return switch (h.strategy()) {
            case SINGLE_TABLE -> m.parent() == null;
            case JOINED -> true;
            case CONCRETE -> !m.isAbstract();
        };
    }

    /**
     * The schema table of {@code m}'s own table: its stored columns (a single-table base: with every
     * subclass's columns, nullable, since other classes' rows leave them empty; a joined subclass:
     * its key columns, each a foreign key to its parent's table, and its own columns), with the
     * foreign keys and constraints of those columns.
     */
    private Table buildTable(Mapper<?> m) {
        Table t = new Table(m.tableName(), m.schema(), metadata);
        List<Mapper.TablePart> parts = m.tableParts();
        List<ColumnProperty> stored = new ArrayList<>(parts.get(parts.size() - 1).properties());
        java.util.Set<ColumnProperty> subclassColumns = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Mapper<?>> contributors = new ArrayList<>(List.of(m));
        boolean single = m.hierarchy() != null
                && m.hierarchy().strategy() == org.jalchemy.orm.annotations.Inheritance.Strategy.SINGLE_TABLE;
        if (single) {
            for (Mapper<?> d : m.descendants()) {
                for (ColumnProperty p : d.ownProperties()) {
                    if (!p.computed()) {
                        stored.add(p);
                        subclassColumns.add(p);
                    }
                }
                contributors.add(d);
            }
        }
        java.util.Set<ColumnProperty> here = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        here.addAll(stored);
        boolean joinedSub = parts.size() > 1;
        for (ColumnProperty p : stored) {
            Column<?> c = column(t, p);
            if (p.primaryKey()) {
                c.primaryKey();
                c.autoincrement(p.autoincrement() && !joinedSub); // a joined subclass's key comes from its base's row
            } else if (p.autoincrement()) {
                c.autoincrement(true);
            }
            c.nullable(p.nullable() || subclassColumns.contains(p));
            if (joinedSub && p.primaryKey()) {
                Mapper<?> parent = m.parent();
                c.foreignKey(ForeignKey.to((parent.schema() == null ? "" : parent.schema() + ".") + parent.tableName()
                        + "." + p.columnName()));
                continue;
            }
            if (p.unique()) {
                c.unique();
            }
            if (p.indexed()) {
                c.index();
            }
            if (p.serverDefault() != null) {
                c.serverDefault(p.serverDefault());
            }
            if (p.comment() != null) {
                c.comment(p.comment());
            }
        }
        List<ForeignKeyRef> fks = new ArrayList<>();
        List<org.jalchemy.orm.mapping.CompositeForeignKey> cfks = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        for (Mapper<?> x : contributors) {
            for (ForeignKeyRef fk : x.foreignKeys()) {
                if (here.contains(fk.property()) && !(joinedSub && fk.property().primaryKey()) && !fks.contains(fk)) {
                    fks.add(fk);
                }
            }
            for (var fk : x.compositeForeignKeys()) {
                if (here.containsAll(fk.columns()) && !cfks.contains(fk)) {
                    cfks.add(fk);
                }
            }
            constraints.addAll(x.constraints());
        }
        for (ForeignKeyRef fk : fks) {
            String target = (fk.targetSchema() == null ? "" : fk.targetSchema() + ".") + fk.targetTable() + "."
                    + fk.targetColumn();
            ForeignKey spec = ForeignKey.to(target);
            if (fk.name() != null) {
                spec = spec.name(fk.name());
            }
            if (fk.onDelete() != null) {
                spec = spec.onDelete(fk.onDelete());
            }
            if (fk.onUpdate() != null) {
                spec = spec.onUpdate(fk.onUpdate());
            }
            t.column(fk.property().columnName()).foreignKey(spec);
        }
        for (org.jalchemy.orm.mapping.CompositeForeignKey fk : cfks) {
            var c = t.foreignKeyConstraint(fk.name(), fk.columns().stream().map(ColumnProperty::columnName).toList(),
                    (fk.targetSchema() == null ? "" : fk.targetSchema() + ".") + fk.targetTable(), fk.targetColumns());
            if (fk.onDelete() != null) {
                c.onDelete(fk.onDelete());
            }
            if (fk.onUpdate() != null) {
                c.onUpdate(fk.onUpdate());
            }
        }
        for (TableConstraint tc : constraints) {
            String[] cols = tc.properties().stream().map(ColumnProperty::columnName).toArray(String[]::new);
            switch (tc.kind()) {
                case INDEX -> t.index(tc.name(), (Object[]) cols).unique(tc.unique());
                case UNIQUE -> t.uniqueConstraint(tc.name(), cols);
                case CHECK -> t.checkConstraint(tc.name(), tc.sql());
            }
        }
        return t;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> column(Table t, ColumnProperty p) {
        return t.column(p.columnName(), (SqlType) p.type());
    }

    private void checkForeignKeys(Mapper<?> m) {
        for (ForeignKeyRef fk : m.foreignKeys()) {
            String key = key(fk.targetSchema() != null ? fk.targetSchema() : m.schema(), fk.targetTable());
            Table target = metadata.hasTable(key) ? metadata.table(key) : null;
            String where = m.type().getName() + "." + fk.property().name();
            if (target == null) {
                throw new MappingError("@ForeignKey on " + where + " references table '" + key
                        + "', which no registered entity or table declares; tables are "
                        + metadata.tables().stream().map(Table::fullname).toList());
            }
            if (!target.hasColumn(fk.targetColumn())) {
                throw new MappingError("@ForeignKey on " + where + " references column '" + fk.targetColumn()
                        + "' of table '" + key + "', which has columns "
                        + target.columns().stream().map(Column::name).toList());
            }
        }
    }

    private void checkCompositeForeignKeys(Mapper<?> m) {
        for (org.jalchemy.orm.mapping.CompositeForeignKey fk : m.compositeForeignKeys()) {
            String key = key(fk.targetSchema() != null ? fk.targetSchema() : m.schema(), fk.targetTable());
            String where = "@ForeignKeyConstraint on " + m.type().getName();
            if (!metadata.hasTable(key)) {
                throw new MappingError(where + " references table '" + key + "', which no registered entity or table "
                        + "declares; tables are " + metadata.tables().stream().map(Table::fullname).toList());
            }
            Table target = metadata.table(key);
            for (String c : fk.targetColumns()) {
                if (!target.hasColumn(c)) {
                    throw new MappingError(where + " references column '" + c + "' of table '" + key
                            + "', which has columns " + target.columns().stream().map(Column::name).toList());
                }
            }
        }
    }

    private static String key(String schema, String table) {
        return schema == null ? table : schema + "." + table;
    }

    @Override
    public String toString() {
        return "Registry" + mappers.keySet().stream().map(Class::getSimpleName).toList();
    }
}
