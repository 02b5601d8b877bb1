package org.jalchemy.orm.mapping;

import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.annotations.Inheritance;
import org.jalchemy.orm.annotations.Inheritance.Strategy;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.ColumnsClauseRole;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.SelectBase;
import org.jalchemy.sql.Sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mappers of one inheritance hierarchy (SQLAlchemy's mappers sharing a {@code base_mapper}):
 * the base class carrying {@code @Inheritance}, its strategy and discriminator, and every mapped
 * subclass, in the order they were mapped.
 *
 * <p>Life cycle: each subclass's {@link Mapper} {@linkplain #register registers} itself when it is
 * built. The first time the hierarchy is needed to build SQL — a mapper's table, selectable or
 * layout is asked for — it is <b>configured</b> (SQLAlchemy's {@code configure_mappers()}): the
 * permitted subclasses of a {@code sealed} class are mapped, the base table of a single-table
 * hierarchy gains the subclasses' columns, and each mapper gets its {@link RowLayout}s. From then
 * on it is fixed: a subclass mapped later raises {@link MappingError} (list every class of the
 * hierarchy in {@code Registry.of(...)}, which maps them before anything is built). Thread-safe:
 * registration and configuration are synchronized; configured data is published through
 * volatile fields.
 */
public final class Hierarchy {
    /** Set once any hierarchy is configured: lets per-statement code skip inheritance work in applications without it. */
    private static volatile boolean anyConfigured;

    private final Mapper<?> root;
    private final Strategy strategy;
    private final Inheritance.PolymorphicLoad load;
    private final ColumnProperty discriminator;
    private final List<Mapper<?>> mappers = new ArrayList<>();
    private final Map<Object, Mapper<?>> byIdentity = new LinkedHashMap<>();
    private volatile boolean configured;

    Hierarchy(Mapper<?> root, Inheritance inheritance, Map<String, ColumnProperty> byName) {
        this.root = root;
        this.strategy = inheritance.strategy();
        this.load = inheritance.polymorphicLoad();
        String on = inheritance.polymorphicOn();
        String where = "@Inheritance on " + root.type().getName();
        if (strategy == Strategy.CONCRETE) {
            if (!on.isEmpty()) {
                throw new MappingError(where + ": a CONCRETE hierarchy has no discriminator column (rows are told apart "
                        + "by their table); remove polymorphicOn = \"" + on + "\"");
            }
            this.discriminator = null;
            return;
        }
        if (on.isEmpty()) {
            throw new MappingError(where + " (" + strategy + ") needs a discriminator: name the attribute holding each "
                    + "row's class with polymorphicOn = \"...\" (SQLAlchemy's polymorphic_on), and give every class a "
                    + "@PolymorphicIdentity");
        }
        ColumnProperty d = byName.get(on);
        if (d == null) {
            throw new MappingError(where + ": polymorphicOn = \"" + on + "\" names no attribute of "
                    + root.entityName() + "; its attributes are " + byName.keySet());
        }
        if (d.computed() || d.primaryKey()) {
            throw new MappingError(where + ": the discriminator " + d + " must be a plain stored column, not "
                    + (d.primaryKey() ? "part of the primary key" : "a @ColumnProperty"));
        }
        this.discriminator = d;
    }

    /** True once some hierarchy is configured (a cheap test for code that only matters with inheritance). */
    public static boolean inUse() {
        return anyConfigured;
    }

    public Mapper<?> root() {
        return root;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** The default way subclass tables of a joined hierarchy are read. */
    public Inheritance.PolymorphicLoad polymorphicLoad() {
        return load;
    }

    /** The discriminator property ({@code polymorphicOn}); null for a concrete-table hierarchy. */
    public ColumnProperty discriminator() {
        return discriminator;
    }

    /** Every mapper of the hierarchy, base first (configures it). */
    public List<Mapper<?>> mappers() {
        ensureConfigured();
        return List.copyOf(mappers);
    }

    /** Adds a newly built mapper of this hierarchy; raises when it comes too late or repeats an identity. */
    synchronized void register(Mapper<?> m) {
        if (configured) {
            throw new MappingError("Entity " + m.type().getName() + " joins the inheritance hierarchy of "
                    + root.entityName() + " after that hierarchy was put to use (its statements and tables are fixed "
                    + "when first built); map every class of the hierarchy first: list them all in Registry.of(...), "
                    + "or make " + root.entityName() + " sealed so its subclasses are mapped with it");
        }
        Object id = m.polymorphicIdentity();
        if (id != null) {
            Mapper<?> other = byIdentity.putIfAbsent(normalize(id), m);
            if (other != null) {
                throw new MappingError("Entities " + other.type().getName() + " and " + m.type().getName()
                        + " both declare polymorphic identity '" + id + "' in the hierarchy of " + root.entityName()
                        + "; every class needs its own");
            }
        }
        mappers.add(m);
    }

    /** Configures the hierarchy unless done (see the class comment). */
    void ensureConfigured() {
        if (!configured) {
            configure();
        }
    }

    private synchronized void configure() {
        if (configured) {
            return;
        }
        for (int done = 0; done < mappers.size(); done++) { // map the permitted subclasses of sealed classes
            Class<?> t = mappers.get(done).type();
            if (t.isSealed()) {
                for (Class<?> sub : t.getPermittedSubclasses()) {
                    if (Mapper.isMapped(sub)) {
                        Mapper.of(sub);
                    }
                }
            }
        }
        Map<Mapper<?>, List<Mapper<?>>> children = new HashMap<>();
        for (Mapper<?> m : mappers) {
            if (m.parent() != null) {
                children.computeIfAbsent(m.parent(), k -> new ArrayList<>()).add(m);
            }
        }
        if (strategy == Strategy.SINGLE_TABLE) {
            extendBaseTable(children);
        }
        for (Mapper<?> m : mappers) {
            List<Mapper<?>> desc = new ArrayList<>();
            descendants(m, children, desc);
            m.configured(configuration(m, desc));
        }
        configured = true;
        anyConfigured = true;
    }

    private static void descendants(Mapper<?> m, Map<Mapper<?>, List<Mapper<?>>> children, List<Mapper<?>> out) {
        for (Mapper<?> c : children.getOrDefault(m, List.of())) {
            out.add(c);
            descendants(c, children, out);
        }
    }

    /** Single table: the base's table exports every subclass's own columns, depth first in mapping order. */
    private void extendBaseTable(Map<Mapper<?>, List<Mapper<?>>> children) {
        List<Mapper<?>> desc = new ArrayList<>();
        descendants(root, children, desc);
        Map<String, Attribute<?, ?>> names = new HashMap<>();
        for (Attribute<?, ?> a : root.localTable().columns()) {
            names.put(a.name().toLowerCase(Locale.ROOT), a);
        }
        List<Attribute<?, ?>> more = new ArrayList<>();
        for (Mapper<?> d : desc) {
            for (ColumnProperty p : d.ownProperties()) {
                Attribute<?, ?> a = d.attribute(p.name());
                Attribute<?, ?> clash = names.put(p.columnName().toLowerCase(Locale.ROOT), a);
                if (clash != null) {
                    throw new MappingError("Single-table hierarchy of " + root.entityName() + ": " + d.entityName() + "."
                            + p.name() + " and " + clash.entity().getSimpleName() + "." + clash.key() + " both map column '"
                            + p.columnName() + "' of table '" + root.tableName() + "'; rename one with @Column(name = ...)");
                }
                more.add(a);
            }
        }
        root.localTable().extend(more);
    }

    private Mapper.Configuration configuration(Mapper<?> m, List<Mapper<?>> desc) {
        boolean relationships = m.hasRelationships();
        boolean callbacks = !m.callbacks().isEmpty();
        List<Object> identities = new ArrayList<>();
        if (m.polymorphicIdentity() != null) {
            identities.add(m.polymorphicIdentity());
        }
        for (Mapper<?> d : desc) {
            relationships |= d.hasRelationships();
            callbacks |= !d.callbacks().isEmpty();
            if (d.polymorphicIdentity() != null) {
                identities.add(d.polymorphicIdentity());
            }
        }
        FromClause own = ownSelectable(m);
        RowLayout inline = layout(m, desc, own, true);
        RowLayout selectin = strategy == Strategy.JOINED && !desc.isEmpty() ? layout(m, desc, own, false) : inline;
        if (selectin != inline && (!selectinPossible(selectin) || root.primaryKeySize() != 1)) {
            selectin = inline; // a column beyond the 64 the unloaded mask tracks, or a composite key: load inline
        }
        RowLayout dflt = load == Inheritance.PolymorphicLoad.SELECTIN ? selectin : inline;
        return new Mapper.Configuration(dflt, inline, selectin, own, List.copyOf(desc), List.copyOf(identities),
                relationships, callbacks);
    }

    private static boolean selectinPossible(RowLayout l) {
        for (RowLayout.Entry e : l.entries()) {
            for (int i = 0; i < e.positions().length; i++) {
                if (e.positions()[i] < 0 && i >= 64) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A mapper's own rows, no subclass columns: its table, or for a joined subclass the inner join of its tables. */
    private FromClause ownSelectable(Mapper<?> m) {
        List<Mapper.TablePart> parts = m.tableParts();
        FromClause from = parts.get(0).table();
        for (int i = 1; i < parts.size(); i++) {
            from = from.join(parts.get(i).table(), keyJoin(parts.get(0).table(), parts.get(i).table()));
        }
        return from;
    }

    private ColumnElement<Boolean> keyJoin(MappedTable<?> base, MappedTable<?> sub) {
        List<ColumnElement<Boolean>> on = new ArrayList<>();
        for (int i = 0; i < root.primaryKeySize(); i++) {
            ColumnProperty pk = root.primaryKey(i);
            on.add(eq(base.column(pk), sub.column(pk)));
        }
        return Sql.and(on);
    }

    @SuppressWarnings("unchecked")
    private static ColumnElement<Boolean> eq(ColumnClause<?> a, ColumnClause<?> b) {
        return ((ColumnClause<Object>) a).eq((ColumnClause<Object>) b);
    }

    /**
     * The layout of {@code m}'s queries: {@code m}'s columns, then (inline) each descendant's own
     * columns; where they come from depends on the strategy.
     */
    private RowLayout layout(Mapper<?> m, List<Mapper<?>> desc, FromClause own, boolean inline) {
        if (strategy == Strategy.CONCRETE) {
            return concreteLayout(m, desc);
        }
        List<ColumnClause<?>> cols = new ArrayList<>();
        for (ColumnProperty p : m.properties()) {
            cols.add(m.attribute(p.name()));
        }
        Map<Mapper<?>, int[]> positions = new HashMap<>();
        positions.put(m, RowLayout.identity(m.properties().size()));
        FromClause from = own;
        for (Mapper<?> d : desc) {
            int[] pos = java.util.Arrays.copyOf(positions.get(d.parent()), d.properties().size());
            for (ColumnProperty p : d.ownProperties()) {
                if (inline || strategy == Strategy.SINGLE_TABLE) {
                    pos[p.index()] = cols.size();
                    cols.add(d.attribute(p.name()));
                } else {
                    pos[p.index()] = -1; // missing: loaded by a SELECT per subclass afterwards
                }
            }
            positions.put(d, pos);
            if (strategy == Strategy.JOINED && inline) {
                MappedTable<?> t = d.localTable();
                from = from.outerjoin(t, keyJoin(m.tableParts().get(0).table(), t));
            }
        }
        FromClause selectable;
        if (strategy == Strategy.SINGLE_TABLE && m == root && cols.equals(new ArrayList<>(root.localTable().columns()))) {
            selectable = root.localTable(); // the base table already exports every column, in this order
        } else if (desc.isEmpty() && from instanceof MappedTable<?> t && t.columns().equals(cols)) {
            selectable = t;
        } else {
            selectable = view(m, from, cols, List.of());
        }
        return new RowLayout(m, selectable, desc.isEmpty() ? -1 : discriminator.index(), entries(m, desc, positions),
                m.isAbstract() ? null : entry(m, positions.get(m)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EntityView<?> view(Mapper<?> m, FromClause from, List<ColumnClause<?>> cols, List<FromClause> covered) {
        return new EntityView(m, from, cols, covered);
    }

    private Map<Object, RowLayout.Entry> entries(Mapper<?> m, List<Mapper<?>> desc, Map<Mapper<?>, int[]> positions) {
        Map<Object, RowLayout.Entry> out = new LinkedHashMap<>();
        List<Mapper<?>> all = new ArrayList<>();
        all.add(m);
        all.addAll(desc);
        for (Mapper<?> x : all) {
            if (!x.isAbstract()) {
                out.put(normalize(x.polymorphicIdentity()), entry(x, positions.get(x)));
            }
        }
        return out;
    }

    private static RowLayout.Entry entry(Mapper<?> x, int[] pos) {
        long missing = 0L;
        for (int i = 0; i < pos.length; i++) {
            if (pos[i] < 0 && i < 64) {
                missing |= 1L << i;
            }
        }
        return new RowLayout.Entry(x, pos, missing);
    }

    /**
     * A concrete-table base with subclasses reads {@code SELECT ... FROM (SELECT ... FROM t1 UNION ALL
     * SELECT ... FROM t2) AS <base table>}: every class's table with NULLs for the columns it lacks and
     * its identity as a literal last column; named like the base table, so criteria on the base's
     * attributes apply to it.
     */
    private RowLayout concreteLayout(Mapper<?> m, List<Mapper<?>> desc) {
        List<Mapper<?>> concrete = new ArrayList<>();
        if (!m.isAbstract()) {
            concrete.add(m);
        }
        for (Mapper<?> d : desc) {
            if (!d.isAbstract()) {
                concrete.add(d);
            }
        }
        if (desc.isEmpty()) {
            return new RowLayout(m, m.localTable(), -1, Map.of(),
                    m.isAbstract() ? null : entry(m, RowLayout.identity(m.properties().size())));
        }
        if (concrete.isEmpty()) {
            throw new MappingError("Concrete-table hierarchy of " + root.entityName() + ": " + m.entityName()
                    + " and its subclasses are all abstract; nothing can be loaded");
        }
        List<ColumnProperty> layout = new ArrayList<>(m.properties());
        Map<Mapper<?>, int[]> positions = new HashMap<>();
        positions.put(m, RowLayout.identity(m.properties().size()));
        for (Mapper<?> d : desc) {
            int[] pos = java.util.Arrays.copyOf(positions.get(d.parent()), d.properties().size());
            for (ColumnProperty p : d.ownProperties()) {
                pos[p.index()] = layout.size();
                layout.add(p);
            }
            positions.put(d, pos);
        }
        String typeColumn = "polymorphic_identity";
        List<SelectBase> members = new ArrayList<>();
        for (Mapper<?> x : concrete) {
            List<ColumnsClauseRole> items = new ArrayList<>();
            for (ColumnProperty p : layout) {
                boolean has = p.index() < x.properties().size() && x.properties().get(p.index()) == p;
                items.add(has ? x.attribute(p.name()).label(p.columnName()) : Sql.null_().label(p.columnName()));
            }
            String id = String.valueOf(x.polymorphicIdentity());
            items.add(Sql.literalColumn("'" + id.replace("'", "''") + "'", new org.jalchemy.types.StringType(null))
                    .label(typeColumn));
            Select<?> s = Sql.select(items);
            members.add(s);
        }
        SelectBase union = members.size() == 1 ? members.get(0) : Sql.unionAll(members.get(0),
                members.subList(1, members.size()).toArray(SelectBase[]::new));
        org.jalchemy.sql.Alias alias = union.subquery(m.tableName());
        List<ColumnClause<?>> cols = new ArrayList<>(alias.columns());
        EntityView<?> view = view(m, alias, cols, List.of(m.localTable()));
        Map<Object, RowLayout.Entry> entries = new LinkedHashMap<>();
        for (Mapper<?> x : concrete) {
            entries.put(normalize(x.polymorphicIdentity()), entry(x, positions.get(x)));
        }
        return new RowLayout(m, view, cols.size() - 1, entries,
                m.isAbstract() ? null : entry(m, positions.get(m)));
    }

    /** {@code text} (a {@code @PolymorphicIdentity}) as a value of the discriminator's Java type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object identityValue(String text, ColumnProperty discriminator, String where) {
        Class<?> t = discriminator.javaType();
        try {
            if (t == String.class) {
                return text;
            }
            if (t == Integer.class) {
                return Integer.valueOf(text.trim());
            }
            if (t == Long.class) {
                return Long.valueOf(text.trim());
            }
            if (t == Short.class) {
                return Short.valueOf(text.trim());
            }
            if (t.isEnum()) {
                return Enum.valueOf((Class) t, text.trim());
            }
        } catch (IllegalArgumentException e) {
            throw new MappingError("@PolymorphicIdentity(\"" + text + "\") on " + where + " is not a value of the "
                    + "discriminator " + discriminator + " (" + t.getSimpleName() + ")", e);
        }
        throw new MappingError("The discriminator " + discriminator + " of " + where + "'s hierarchy is a "
                + t.getSimpleName() + "; use a String, integer or enum attribute");
    }

    /** Discriminator values as map keys: integers of any width compare as Long. */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }

    @Override
    public String toString() {
        return "Hierarchy[" + root.entityName() + ", " + strategy + ", " + mappers.size() + " mappers]";
    }
}
