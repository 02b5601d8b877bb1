package org.jalchemy.orm.mapping;

import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Relationship.Cascade;
import org.jalchemy.orm.annotations.Relationship.Lazy;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.Sql;
import org.jalchemy.sql.TableClause;
import org.jalchemy.types.SqlType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One relationship field of an entity (SQLAlchemy's {@code RelationshipProperty}): a collection
 * ({@code List}/{@code Set} of a mapped class) or a single reference to one, declared with
 * {@code @Relationship} or implied by the other side's {@code backref}.
 *
 * <p>Built with its mapper, but <b>resolved lazily</b> ({@link #resolved()}) on first use: the
 * target's mapper, the direction, the joining columns and the other side all need the target
 * class mapped, and two entities that refer to each other cannot both be mapped first. Resolution
 * errors are {@link MappingError}s naming class and field. Immutable once resolved; thread-safe.
 *
 * <p>Joining columns by direction: many-to-one — {@code local} is this entity's foreign key,
 * {@code remote} the target's primary key; one-to-many — {@code local} is this entity's primary
 * key, {@code remote} the target's foreign key; many-to-many — {@code local}/{@code remote} are
 * the two primary keys and {@link Resolved#secondary()} the association table. Only single-column
 * keys are supported.
 */
public final class RelationshipProperty {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    /** Which side holds the foreign key. */
    public enum Direction { ONE_TO_MANY, MANY_TO_ONE, MANY_TO_MANY }

    /** The association table of a many-to-many relationship, as a Core table with its two columns. */
    public record Secondary(TableClause table, ColumnClause<Object> localColumn, ColumnClause<Object> remoteColumn,
                            String localName, String remoteName) {
    }

    /** {@code orderBy} entry. */
    public record Order(ColumnProperty property, boolean descending) {
    }

    /** {@code where} entry: attribute = value. */
    public record Condition(ColumnProperty property, Object value) {
    }

    /** What resolution found. */
    public record Resolved(Mapper<?> target, Direction direction, ColumnProperty local, ColumnProperty remote,
                           Secondary secondary, RelationshipProperty partner, Set<Cascade> cascade, Lazy lazy,
                           List<Order> orderBy, List<Condition> where, boolean viewonly, boolean passiveDeletes) {
        public boolean cascades(Cascade c) {
            return cascade.contains(c);
        }
    }

    private final Mapper<?> owner;
    private final String name;
    private final Class<?> targetType;
    private final boolean collection;
    private final boolean set;
    private final boolean ref;
    private final Relationship annotation; // null when implied by a backref
    private final int index;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** The declaring mapper's generated accessor, bound once while that mapper is built; null: method handles. */
    private FieldAccess<Object> access;
    private volatile Resolved resolved;

    RelationshipProperty(Mapper<?> owner, Field field, Class<?> targetType, boolean collection, boolean set,
                         boolean ref, Relationship annotation, int index) {
        this.owner = owner;
        this.ref = ref;
        this.name = field.getName();
        this.targetType = targetType;
        this.collection = collection;
        this.set = set;
        this.annotation = annotation;
        this.index = index;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            if (java.lang.reflect.Modifier.isFinal(field.getModifiers())) {
                throw new MappingError("Relationship field " + where() + " is final; the session replaces collections "
                        + "with its own, so the field must be assignable");
            }
            this.getter = lookup.unreflectGetter(field).asType(GETTER);
            this.setter = lookup.unreflectSetter(field).asType(SETTER);
        } catch (IllegalAccessException | RuntimeException e) {
            if (e instanceof MappingError me) {
                throw me;
            }
            throw new MappingError("Cannot access field " + where() + ": " + e.getMessage()
                    + " (in a named module, open the package to org.jalchemy.orm)", e);
        }
    }

    /** Attribute (field) name. */
    public String name() {
        return name;
    }

    /** The mapper holding this relationship. */
    public Mapper<?> owner() {
        return owner;
    }

    /** The related entity class. */
    public Class<?> targetType() {
        return targetType;
    }

    /** True for {@code List}/{@code Set} fields. */
    public boolean isCollection() {
        return collection;
    }

    /** True for {@code Ref<T>} fields (lazy single references). */
    public boolean isRef() {
        return ref;
    }

    /** True for {@code Set} fields. */
    public boolean isSet() {
        return set;
    }

    /** Position among the owner's relationships. */
    public int index() {
        return index;
    }

    /** {@code User.posts}, for messages. */
    public String where() {
        return owner.entityName() + "." + name;
    }

    /** Reads the field. */
    public Object get(Object entity) {
        FieldAccess<Object> a = access;
        if (a != null) {
            return a.getRelationship(entity, index);
        }
        try {
            return getter.invokeExact(entity);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    /** Writes the field. */
    public void set(Object entity, Object value) {
        FieldAccess<Object> a = access;
        if (a != null) {
            a.setRelationship(entity, index, value);
            return;
        }
        try {
            setter.invokeExact(entity, value);
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    /** Routes {@link #get}/{@link #set} through {@code a} (whose relationship {@link #index()} is this one); by the mapper, once. */
    @SuppressWarnings("unchecked")
    void bind(FieldAccess<?> a) {
        this.access = (FieldAccess<Object>) a;
    }

    private static RuntimeException sneaky(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** Direction, columns, other side and options; resolved (and checked) on first call. */
    public Resolved resolved() {
        Resolved r = resolved;
        if (r == null) {
            synchronized (this) {
                r = resolved;
                if (r == null) {
                    r = resolve();
                    resolved = r;
                }
            }
        }
        return r;
    }

    // ------------------------------------------------------------------ resolution

    private Resolved resolve() {
        Mapper<?> target = Mapper.of(targetType);
        if (annotation == null) {
            return resolveImplied(target);
        }
        Relationship a = annotation;
        if (!a.backPopulates().isEmpty() && !a.backref().isEmpty()) {
            throw new MappingError("Relationship " + where() + " has both backPopulates and backref; use one");
        }
        Direction dir;
        ColumnProperty local;
        ColumnProperty remote;
        Secondary secondary = null;
        if (!a.secondary().isEmpty()) {
            if (!collection) {
                throw new MappingError("Relationship " + where() + " has a secondary table but is not a collection; "
                        + "many-to-many relationships are List or Set fields");
            }
            dir = Direction.MANY_TO_MANY;
            local = singleKey(owner);
            remote = singleKey(target);
            secondary = secondary(a, target, local, remote);
        } else {
            List<ForeignKeyRef> own = fksTo(owner, target);
            List<ForeignKeyRef> theirs = fksTo(target, owner);
            String fk = a.foreignKey();
            if (!fk.isEmpty()) {
                own = own.stream().filter(f -> f.property().name().equals(fk)).toList();
                theirs = theirs.stream().filter(f -> f.property().name().equals(fk)).toList();
                if (own.isEmpty() && theirs.isEmpty()) {
                    throw new MappingError("Relationship " + where() + " names foreignKey = \"" + fk + "\", but neither "
                            + owner.entityName() + " nor " + target.entityName() + " has a @ForeignKey attribute of that "
                            + "name joining the two");
                }
            }
            boolean manyToOne;
            if (collection) {
                manyToOne = false;
            } else if (owner == target) {
                String rs = a.remoteSide();
                manyToOne = rs.isEmpty() || target.hasProperty(rs) && target.property(rs).primaryKey();
            } else {
                manyToOne = !own.isEmpty();
            }
            if (manyToOne) {
                ForeignKeyRef f = exactlyOne(own, owner, target);
                dir = Direction.MANY_TO_ONE;
                local = f.property();
                remote = referenced(f, target);
            } else {
                ForeignKeyRef f = exactlyOne(theirs, target, owner);
                dir = Direction.ONE_TO_MANY;
                local = referenced(f, owner);
                remote = f.property();
            }
        }
        RelationshipProperty partner = null;
        String other = !a.backPopulates().isEmpty() ? a.backPopulates() : a.backref();
        if (!other.isEmpty()) {
            partner = target.relationshipOrNull(other);
            if (partner == null) {
                throw new MappingError("Relationship " + where() + " names " + (a.backref().isEmpty() ? "backPopulates"
                        : "backref") + " = \"" + other + "\", but " + target.entityName() + " has no relationship field "
                        + "of that name" + (a.backref().isEmpty() ? "" : " (backref needs the field to exist: declare "
                        + "it without @Relationship)"));
            }
            if (partner.targetType != owner.type()) {
                throw new MappingError("Relationship " + where() + " and its other side " + partner.where()
                        + " do not point at each other (" + partner.where() + " targets "
                        + partner.targetType.getSimpleName() + ")");
            }
            if (!a.backref().isEmpty() && partner.annotation != null) {
                throw new MappingError("Relationship " + where() + " declares backref \"" + other + "\", but "
                        + partner.where() + " has its own @Relationship; use backPopulates on both sides instead");
            }
            if (!a.backPopulates().isEmpty() && partner.annotation != null
                    && !partner.annotation.backPopulates().equals(name)) {
                throw new MappingError("Relationship " + where() + " has backPopulates = \"" + other + "\", but "
                        + partner.where() + " does not name it back (backPopulates = \"" + name + "\")");
            }
        }
        Set<Cascade> cascade = cascades(a.cascade());
        return new Resolved(target, dir, local, remote, secondary, partner, cascade, a.lazy(), orders(a, target),
                conditions(a, target), a.viewonly(), a.passiveDeletes());
    }

    /** The side named by another entity's {@code backref}: the declaring side's mirror image. */
    private Resolved resolveImplied(Mapper<?> target) {
        RelationshipProperty declaring = null;
        for (RelationshipProperty p : target.relationships()) {
            if (p.annotation != null && p.annotation.backref().equals(name) && p.targetType == owner.type()) {
                declaring = p;
            }
        }
        if (declaring == null) {
            throw new MappingError("Field " + where() + " refers to entity " + target.entityName() + " but has no "
                    + "@Relationship, and no relationship of " + target.entityName() + " names it as its backref; "
                    + "annotate it with @Relationship or mark it @Transient");
        }
        Resolved d = declaring.resolved();
        Direction dir = switch (d.direction) {
            case ONE_TO_MANY -> Direction.MANY_TO_ONE;
            case MANY_TO_ONE -> Direction.ONE_TO_MANY;
            case MANY_TO_MANY -> Direction.MANY_TO_MANY;
        };
        if (dir == Direction.MANY_TO_ONE && collection) {
            throw new MappingError("Field " + where() + " is the backref of " + declaring.where() + " (one-to-many), so "
                    + "it must be a single reference to " + target.entityName() + ", not a collection");
        }
        if (dir == Direction.MANY_TO_MANY && !collection) {
            throw new MappingError("Field " + where() + " is the backref of the many-to-many " + declaring.where()
                    + ", so it must be a List or Set");
        }
        Secondary sec = d.secondary == null ? null : new Secondary(d.secondary.table, d.secondary.remoteColumn,
                d.secondary.localColumn, d.secondary.remoteName, d.secondary.localName);
        return new Resolved(target, dir, d.remote, d.local, sec, declaring,
                EnumSet.of(Cascade.SAVE_UPDATE, Cascade.MERGE), Lazy.SELECT, List.of(), List.of(), d.viewonly, false);
    }

    private Secondary secondary(Relationship a, Mapper<?> target, ColumnProperty localKey, ColumnProperty remoteKey) {
        String[] cols = a.secondaryColumns();
        if (cols.length != 0 && cols.length != 2) {
            throw new MappingError("Relationship " + where() + ": secondaryColumns takes two names (the column "
                    + "referencing " + owner.entityName() + ", then the one referencing " + target.entityName() + ")");
        }
        String localName = cols.length == 2 ? cols[0] : Mapper.snakeCase(owner.type().getSimpleName()) + "_"
                + localKey.columnName();
        String remoteName = cols.length == 2 ? cols[1] : Mapper.snakeCase(target.type().getSimpleName()) + "_"
                + remoteKey.columnName();
        if (localName.equalsIgnoreCase(remoteName)) {
            throw new MappingError("Relationship " + where() + ": both columns of secondary table '" + a.secondary()
                    + "' would be named '" + localName + "'; give secondaryColumns");
        }
        ColumnClause<Object> lc = column(localName, localKey.type());
        ColumnClause<Object> rc = column(remoteName, remoteKey.type());
        String table = a.secondary();
        String schema = null;
        int dot = table.indexOf('.');
        if (dot > 0) {
            schema = table.substring(0, dot);
            table = table.substring(dot + 1);
        }
        TableClause t = schema == null ? Sql.table(table, lc, rc) : Sql.tableIn(schema, table, lc, rc);
        return new Secondary(t, t.c(lc), t.c(rc), localName, remoteName);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnClause<Object> column(String name, SqlType<?> type) {
        return (ColumnClause<Object>) (ColumnClause) Sql.column(name, (SqlType) type);
    }

    private ColumnProperty singleKey(Mapper<?> m) {
        if (m.primaryKeySize() != 1) {
            throw new MappingError("Relationship " + where() + ": " + m.entityName() + " has a composite primary key; "
                    + "relationships support single-column keys only");
        }
        return m.primaryKey(0);
    }

    /** {@code from}'s foreign keys to a table holding {@code to}'s rows (with joined inheritance, any of its tables). */
    private static List<ForeignKeyRef> fksTo(Mapper<?> from, Mapper<?> to) {
        List<ForeignKeyRef> out = new ArrayList<>();
        for (ForeignKeyRef fk : from.foreignKeys()) {
            for (Mapper.TablePart part : to.tableParts()) {
                MappedTable<?> t = part.table();
                if (fk.targetTable().equalsIgnoreCase(t.name())
                        && (fk.targetSchema() == null || fk.targetSchema().equalsIgnoreCase(String.valueOf(t.schema())))) {
                    out.add(fk);
                    break;
                }
            }
        }
        return out;
    }

    private ForeignKeyRef exactlyOne(List<ForeignKeyRef> fks, Mapper<?> holder, Mapper<?> referenced) {
        if (fks.size() == 1) {
            return fks.get(0);
        }
        if (fks.isEmpty()) {
            throw new MappingError("Relationship " + where() + " cannot find how " + owner.entityName() + " and "
                    + targetType.getSimpleName() + " join: " + holder.entityName() + " has no @ForeignKey to table '"
                    + referenced.tableName() + "'" + (collection ? "" : " (nor the other way round)")
                    + "; add one, or give secondary for a many-to-many");
        }
        throw new MappingError("Relationship " + where() + " is ambiguous: " + holder.entityName() + " has "
                + fks.size() + " foreign keys to table '" + referenced.tableName() + "' ("
                + fks.stream().map(f -> f.property().name()).toList() + "); name one with foreignKey = \"...\"");
    }

    private ColumnProperty referenced(ForeignKeyRef fk, Mapper<?> m) {
        ColumnProperty pk = singleKey(m);
        if (!pk.columnName().equalsIgnoreCase(fk.targetColumn())) {
            throw new MappingError("Relationship " + where() + ": foreign key " + fk.property() + " references "
                    + fk.targetTable() + "." + fk.targetColumn() + ", not the primary key of " + m.entityName()
                    + "; relationships join on primary keys");
        }
        return pk;
    }

    private static Set<Cascade> cascades(Cascade[] given) {
        EnumSet<Cascade> out = EnumSet.noneOf(Cascade.class);
        for (Cascade c : given) {
            if (c == Cascade.ALL) {
                out.addAll(EnumSet.of(Cascade.SAVE_UPDATE, Cascade.MERGE, Cascade.EXPUNGE, Cascade.DELETE,
                        Cascade.REFRESH_EXPIRE));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private List<Order> orders(Relationship a, Mapper<?> target) {
        List<Order> out = new ArrayList<>();
        for (String s : a.orderBy()) {
            String[] parts = s.trim().split("\\s+");
            boolean desc = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
            if (parts.length > 2 || parts.length == 2 && !desc && !parts[1].equalsIgnoreCase("asc")) {
                throw new MappingError("Relationship " + where() + ": orderBy entry '" + s + "' is not "
                        + "\"attribute\" or \"attribute desc\"");
            }
            out.add(new Order(targetProperty(target, parts[0], "orderBy"), desc));
        }
        return List.copyOf(out);
    }

    private List<Condition> conditions(Relationship a, Mapper<?> target) {
        List<Condition> out = new ArrayList<>();
        for (String s : a.where()) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new MappingError("Relationship " + where() + ": where entry '" + s + "' is not \"attribute=value\"");
            }
            ColumnProperty p = targetProperty(target, s.substring(0, eq).trim(), "where");
            out.add(new Condition(p, convert(p, s.substring(eq + 1).trim())));
        }
        return List.copyOf(out);
    }

    private ColumnProperty targetProperty(Mapper<?> target, String attr, String what) {
        if (!target.hasProperty(attr)) {
            throw new MappingError("Relationship " + where() + ": " + what + " names unknown attribute '" + attr
                    + "' of " + target.entityName());
        }
        return target.property(attr);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object convert(ColumnProperty p, String text) {
        Class<?> t = p.javaType();
        if (text.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            if (t == String.class) {
                return text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
                        ? text.substring(1, text.length() - 1) : text;
            }
            if (t == Integer.class) {
                return Integer.valueOf(text);
            }
            if (t == Long.class) {
                return Long.valueOf(text);
            }
            if (t == Short.class) {
                return Short.valueOf(text);
            }
            if (t == Boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("not a boolean");
                }
                return Boolean.valueOf(text);
            }
            if (t == Double.class) {
                return Double.valueOf(text);
            }
            if (t == java.math.BigDecimal.class) {
                return new java.math.BigDecimal(text);
            }
            if (t.isEnum()) {
                return Enum.valueOf((Class) t, text);
            }
        } catch (IllegalArgumentException e) {
            throw new MappingError("Relationship " + where() + ": cannot read '" + text + "' as a value of "
                    + p + " (" + t.getSimpleName() + ")", e);
        }
        throw new MappingError("Relationship " + where() + ": where criteria on " + p + " of type "
                + t.getSimpleName() + " are not supported; use a String, number, boolean or enum attribute");
    }

    /** Kinds of relationship fields the mapper recognises. */
    static boolean isCollectionType(Class<?> raw) {
        return raw == List.class || raw == Set.class || raw == Collection.class;
    }

    @Override
    public String toString() {
        return "RelationshipProperty[" + where() + " -> " + targetType.getSimpleName()
                + (collection ? (set ? " (set)" : " (list)") : "") + "]";
    }
}
