package org.jalchemy.orm.mapping;

import org.jalchemy.exc.NoSuchColumnError;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.UnmappedClassError;
import org.jalchemy.orm.annotations.CheckConstraint;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Enumerated;
import org.jalchemy.orm.annotations.ForeignKey;
import org.jalchemy.orm.annotations.Id;
import org.jalchemy.orm.annotations.Index;
import org.jalchemy.orm.annotations.Inheritance;
import org.jalchemy.orm.annotations.PolymorphicIdentity;
import org.jalchemy.orm.annotations.Relationship;
import org.jalchemy.orm.annotations.Transient;
import org.jalchemy.orm.annotations.UniqueConstraint;
import org.jalchemy.orm.annotations.Version;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.FromClause;
import org.jalchemy.types.SqlType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How one {@code @Entity} class maps to its table (SQLAlchemy's {@code Mapper}): its column
 * properties in field order (superclass fields first), primary key, version column, foreign keys
 * and table-level constraints, plus an instantiator. Built once per class by {@link #of} (cached
 * in a {@link ClassValue}); all reflection happens here, none per object or row.
 *
 * <p>Invariants: at least one primary-key property; column names unique; at most one
 * {@code @Version}. Violations raise {@link MappingError} naming class and field.
 * Immutable and thread-safe, except {@link #cache()}, a concurrent map for compiled statements.
 *
 * <p>Identity: {@link #identity(Object)} is the key of the identity map — the single primary-key
 * value (normalised to the property's Java type) or, for composite keys, a {@code List} of them.
 */
public final class Mapper<E> {
    private static final ClassValue<Object> MAPPERS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            try {
                return new Mapper<>(type);
            } catch (RuntimeException e) {
                return e; // re-raised on every lookup, never half-built
            }
        }
    };

    private final Class<E> type;
    private final String tableName;
    private final String schema;
    private final List<ColumnProperty> properties;
    private final long deferredMask; // bit i: property i is @Column(deferred = true)
    private final EntityCallbacks callbacks;
    private final Map<String, Composite> composites; // @Embedded fields by name
    private final int[] mutableJson; // indexes of Map/List/JsonNode properties (JSON columns changed in place)
    private final Map<String, ColumnProperty> byName;
    private final ColumnProperty[] primaryKey;
    private final ColumnProperty version;
    private final List<ForeignKeyRef> foreignKeys;
    private final List<TableConstraint> constraints;
    private final List<CompositeForeignKey> compositeForeignKeys;
    private final Supplier<E> instantiator;
    /** The generated field accessor ({@link FieldAccess}), or null: method handles only. */
    private final FieldAccess<E> fieldAccess;
    private final Map<String, Attribute<E, ?>> attributes;
    private final List<Attribute<E, ?>> attributeList;
    private final MappedTable<E> table;
    private final List<RelationshipProperty> relationships;
    private final Map<Object, Object> cache = new ConcurrentHashMap<>();
    /** The mapped superclass this entity inherits from in its {@link Hierarchy}, or null. */
    private final Mapper<?> parent;
    /** The inheritance hierarchy this mapper belongs to, or null (then nothing below about inheritance applies). */
    private final Hierarchy hierarchy;
    /** The mapper whose identity map this one's objects share: the base of a single-table or joined hierarchy, else this. */
    private final Mapper<?> identityBase;
    /** This class's discriminator value ({@code @PolymorphicIdentity}), or null. */
    private final Object polymorphicIdentity;
    private final boolean abstractClass;
    /** Index of the first property declared by this class (the ones before are the parent's). */
    private final int ownFrom;
    /** The tables rows are written to, base first (one, except for a joined subclass). */
    private final List<TablePart> parts;
    /** Bit i: property i is computed ({@code @ColumnProperty}), never written. */
    private final long computedMask;
    /** Set by {@link Hierarchy} when it is configured; null for mappers outside a hierarchy. */
    private volatile Configuration configuration;

    /**
     * One table a mapper's rows are written to and the properties stored there (a joined
     * subclass's own table stores the base's primary-key properties in its key columns too).
     */
    public record TablePart(MappedTable<?> table, List<ColumnProperty> properties) {
    }

    /** What a configured {@link Hierarchy} works out for one of its mappers. */
    record Configuration(RowLayout layout, RowLayout inline, RowLayout selectin, FromClause ownSelectable,
                         List<Mapper<?>> descendants, List<Object> identities, boolean relationships,
                         boolean callbacks) {
    }

    /** The mapper of {@code type}; raises {@link UnmappedClassError} / {@link MappingError}. */
    @SuppressWarnings("unchecked")
    public static <E> Mapper<E> of(Class<E> type) {
        Object m = MAPPERS.get(type);
        if (m instanceof RuntimeException e) {
            if (e instanceof MappingError me) {
                throw new MappingError(me.getMessage(), me);
            }
            if (e instanceof UnmappedClassError ue) {
                throw new UnmappedClassError(ue.getMessage());
            }
            throw e;
        }
        return (Mapper<E>) m;
    }

    /** The mapper of an object's class. */
    @SuppressWarnings("unchecked")
    public static <E> Mapper<E> forObject(E entity) {
        Objects.requireNonNull(entity, "entity");
        return of((Class<E>) entity.getClass());
    }

    /** True when {@code type} carries {@code @Entity}. */
    public static boolean isMapped(Class<?> type) {
        return type.isAnnotationPresent(Entity.class);
    }

    private Mapper(Class<E> type) {
        Entity entity = type.getAnnotation(Entity.class);
        if (entity == null) {
            throw new UnmappedClassError("Class " + type.getName() + " is not mapped: annotate it with @Entity");
        }
        this.type = type;
        Mapper<?> par = null;
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (isMapped(c)) {
                par = Mapper.of(c);
                break;
            }
        }
        Inheritance inheritance = type.getAnnotation(Inheritance.class);
        if (par != null && inheritance != null) {
            throw new MappingError("Entity " + type.getName() + " declares @Inheritance but extends the mapped entity "
                    + par.type().getName() + "; declare it on the base class of the hierarchy only");
        }
        if (par != null && par.hierarchy == null) {
            throw new MappingError("Entity " + type.getName() + " extends the mapped entity " + par.type().getName()
                    + ", which declares no @Inheritance: add @Inheritance(strategy = ...) to " + par.entityName()
                    + " to map them as a hierarchy, or remove @Entity from " + par.entityName()
                    + " to map its fields into each subclass's own table");
        }
        this.parent = par;
        this.abstractClass = Modifier.isAbstract(type.getModifiers()) || type.isInterface();
        if (abstractClass && par == null && inheritance == null) {
            throw new MappingError("Entity " + type.getName() + " is abstract; only concrete classes can be mapped "
                    + "(an abstract class can be the base of an @Inheritance hierarchy)");
        }
        Inheritance.Strategy strategy = par != null ? par.hierarchy.strategy()
                : inheritance != null ? inheritance.strategy() : null;
        boolean singleSub = par != null && strategy == Inheritance.Strategy.SINGLE_TABLE;
        boolean joinedSub = par != null && strategy == Inheritance.Strategy.JOINED;
        if (singleSub) {
            if (!entity.table().isEmpty() && !entity.table().equals(par.tableName)) {
                throw new MappingError("Entity " + type.getName() + " is part of " + par.hierarchy.root().entityName()
                        + "'s single-table hierarchy, stored in table '" + par.tableName + "'; remove table = \""
                        + entity.table() + "\" from its @Entity, or use Strategy.JOINED for a table of its own");
            }
            this.tableName = par.tableName;
            this.schema = par.schema;
        } else {
            this.tableName = entity.table().isEmpty() ? snakeCase(type.getSimpleName()) : entity.table();
            this.schema = entity.schema().isEmpty() ? null : entity.schema();
        }

        List<Field> fields = new ArrayList<>();
        Class<?> stop = par == null ? null : par.type();
        for (Class<?> c = type; c != null && c != Object.class && c != stop; c = c.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
                        || f.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                own.add(f);
            }
            fields.addAll(0, own);
        }
        List<RelationshipProperty> rels = par == null ? new ArrayList<>() : new ArrayList<>(par.relationships);
        for (java.util.Iterator<Field> it = fields.iterator(); it.hasNext(); ) {
            Field f = it.next();
            RelationshipProperty rp = relationshipOf(f, rels.size());
            if (rp != null) {
                rels.add(rp);
                it.remove();
            }
        }
        this.relationships = List.copyOf(rels);
        long idCount = fields.stream().filter(f -> f.isAnnotationPresent(Id.class)).count();
        if (par != null && idCount > 0) {
            Field id = fields.stream().filter(f -> f.isAnnotationPresent(Id.class)).findFirst().orElseThrow();
            throw new MappingError("Field " + type.getName() + "." + id.getName() + " is an @Id, but " + type.getSimpleName()
                    + " inherits its primary key from " + par.entityName() + " ("
                    + Arrays.stream(par.primaryKey).map(ColumnProperty::name).toList() + "); remove the @Id");
        }
        if (par == null && idCount == 0) {
            throw new MappingError("Entity " + type.getName() + " has no primary key: mark a field with @Id");
        }

        List<ColumnProperty> props = par == null ? new ArrayList<>(fields.size()) : new ArrayList<>(par.properties);
        Map<String, ColumnProperty> names = par == null ? new LinkedHashMap<>() : new LinkedHashMap<>(par.byName);
        Map<String, ColumnProperty> columns = new HashMap<>();
        for (ColumnProperty p : props) {
            columns.put(p.columnName().toLowerCase(Locale.ROOT), p);
        }
        List<ForeignKeyRef> fks = par == null ? new ArrayList<>() : new ArrayList<>(par.foreignKeys);
        ColumnProperty versionProp = par == null ? null : par.version;
        long deferred = par == null ? 0L : par.deferredMask;
        long computedBits = par == null ? 0L : par.computedMask;
        Map<String, Composite> composites = par == null ? new LinkedHashMap<>() : new LinkedHashMap<>(par.composites);
        this.ownFrom = props.size();
        for (Field f : fields) {
            if (f.isAnnotationPresent(org.jalchemy.orm.annotations.Embedded.class)) {
                Composite c = embedded(type, f, props, names, columns);
                composites.put(f.getName(), c);
                continue;
            }
            Column col = f.getAnnotation(Column.class);
            String where = type.getName() + "." + f.getName();
            String columnName = col != null && !col.name().isEmpty() ? col.name() : snakeCase(f.getName());
            org.jalchemy.orm.annotations.ColumnProperty computed =
                    f.getAnnotation(org.jalchemy.orm.annotations.ColumnProperty.class);
            if (computed != null) {
                ColumnProperty p = computedProperty(type, f, col, computed, columnName, props.size(), where);
                checkUnique(p, columns, names, where);
                props.add(p);
                computedBits |= 1L << p.index();
                if (computed.deferred() || col != null && col.deferred()) {
                    deferred |= 1L << p.index();
                }
                continue;
            }
            boolean id = f.isAnnotationPresent(Id.class);
            boolean isVersion = f.isAnnotationPresent(Version.class);
            SqlType<?> sqlType = resolveType(f, col, where);
            Class<?> boxed = BasicTypes.box(f.getType());
            boolean integral = boxed == Integer.class || boxed == Long.class || boxed == Short.class;
            ForeignKey fk = f.getAnnotation(ForeignKey.class);
            boolean auto = switch (col == null ? Column.Autoincrement.AUTO : col.autoincrement()) {
                case TRUE -> true;
                case FALSE -> false;
                case AUTO -> id && idCount == 1 && integral && fk == null;
            };
            if (auto && !integral) {
                throw new MappingError("Field " + where + " is autoincrement but of type " + f.getType().getName()
                        + "; only integer columns can autoincrement");
            }
            if (isVersion && !integral) {
                throw new MappingError("@Version field " + where + " must be an integer (int, Integer, long, Long), not "
                        + f.getType().getName());
            }
            if (isVersion && versionProp != null) {
                throw new MappingError("Entity " + type.getName() + " has two @Version fields: " + versionProp.name()
                        + " and " + f.getName());
            }
            boolean nullable = !id && !isVersion && !f.getType().isPrimitive() && (col == null || col.nullable());
            String serverDefault = col != null && !col.serverDefault().isEmpty() ? col.serverDefault() : null;
            String comment = col != null && !col.comment().isEmpty() ? col.comment() : null;
            ColumnProperty p = new ColumnProperty(f, columnName, sqlType, props.size(), id, auto, nullable,
                    col != null && col.unique(), col != null && col.index(), isVersion, serverDefault, comment);
            checkUnique(p, columns, names, where);
            props.add(p);
            if (col != null && col.deferred()) {
                if (id || p.index() >= 64) {
                    throw new MappingError("Field " + where + " cannot be deferred: "
                            + (id ? "it is part of the primary key" : "only the first 64 columns of an entity can be"));
                }
                deferred |= 1L << p.index();
            }
            if (isVersion) {
                versionProp = p;
            }
            if (fk != null) {
                fks.add(parseForeignKey(p, fk, where));
            }
        }
        this.properties = List.copyOf(props);
        this.deferredMask = deferred;
        this.computedMask = computedBits;
        this.composites = Collections.unmodifiableMap(composites);
        this.byName = Collections.unmodifiableMap(names);
        this.callbacks = EntityCallbacks.scan(type, this.byName);
        this.mutableJson = props.stream().filter(p -> p.type() instanceof org.jalchemy.types.JsonType<?>
                && BasicTypes.isMutableJson(p.javaType())).mapToInt(ColumnProperty::index).toArray();
        this.primaryKey = props.stream().filter(ColumnProperty::primaryKey).toArray(ColumnProperty[]::new);
        this.version = versionProp;
        this.foreignKeys = List.copyOf(fks);
        this.constraints = List.copyOf(readConstraints(type));
        List<CompositeForeignKey> cfks = par == null ? new ArrayList<>() : new ArrayList<>(par.compositeForeignKeys);
        cfks.addAll(readCompositeForeignKeys(type));
        this.compositeForeignKeys = List.copyOf(cfks);
        this.instantiator = abstractClass ? null : instantiator(type);
        this.fieldAccess = abstractClass || !composites.isEmpty() ? null : GeneratedAccess.find(type, properties, relationships);
        if (fieldAccess != null) { // this class's own properties; inherited ones keep their declaring mapper's accessor
            for (ColumnProperty p : properties.subList(ownFrom, properties.size())) {
                p.bind(fieldAccess);
            }
            for (RelationshipProperty r : relationships.subList(par == null ? 0 : par.relationships.size(), relationships.size())) {
                r.bind(fieldAccess);
            }
        }
        this.hierarchy = par != null ? par.hierarchy : inheritance != null ? new Hierarchy(this, inheritance, byName) : null;
        this.identityBase = hierarchy != null && strategy != Inheritance.Strategy.CONCRETE ? hierarchy.root() : this;
        this.polymorphicIdentity = polymorphicIdentity(type, strategy);

        @SuppressWarnings("unchecked")
        MappedTable<E> own = singleSub ? (MappedTable<E>) par.table : new MappedTable<>(this, tableName, schema);
        this.table = own;
        Map<String, Attribute<E, ?>> attrs = new LinkedHashMap<>();
        List<Attribute<E, ?>> cols = new ArrayList<>();
        List<Attribute<E, ?>> pkCols = new ArrayList<>();
        List<ColumnProperty> ownStored = new ArrayList<>();
        if (joinedSub) { // the table's key columns, named as the base's, store the inherited primary key
            for (ColumnProperty pk : primaryKey) {
                Attribute<E, ?> a = new Attribute<>(type, pk, own);
                cols.add(a);
                pkCols.add(a);
                ownStored.add(pk);
            }
        }
        for (ColumnProperty p : properties) {
            boolean inherited = p.index() < ownFrom;
            MappedTable<?> home = joinedSub && inherited ? (MappedTable<?>) par.attribute(p.name()).table() : own;
            Attribute<E, ?> a = new Attribute<>(type, p, home);
            attrs.put(p.name(), a);
            if (home == own && !(singleSub || joinedSub && inherited)) {
                cols.add(a);
                ownStored.add(p);
                if (p.primaryKey()) {
                    pkCols.add(a);
                }
            }
        }
        this.attributes = Collections.unmodifiableMap(attrs);
        this.attributeList = List.copyOf(attrs.values());
        if (!singleSub) {
            own.init(cols, pkCols);
        }
        ownStored.removeIf(ColumnProperty::computed);
        if (joinedSub) {
            List<TablePart> ps = new ArrayList<>(par.parts);
            ps.add(new TablePart(own, List.copyOf(ownStored)));
            this.parts = List.copyOf(ps);
        } else {
            this.parts = List.of(new TablePart(own, properties.stream().filter(p -> !p.computed()).toList()));
        }
        if (hierarchy != null) {
            hierarchy.register(this);
        }
    }

    private void checkUnique(ColumnProperty p, Map<String, ColumnProperty> columns, Map<String, ColumnProperty> names,
                             String where) {
        ColumnProperty clash = columns.put(p.columnName().toLowerCase(Locale.ROOT), p);
        if (clash != null) {
            throw new MappingError("Entity " + type.getName() + " maps column '" + p.columnName() + "' twice: fields "
                    + clash.name() + " and " + p.name());
        }
        if (names.put(p.name(), p) != null) {
            throw new MappingError("Entity " + type.getName() + " has two fields named '" + p.name()
                    + "' (a subclass field hides a superclass field); rename one or mark it @Transient");
        }
    }

    /** A {@code @ColumnProperty} field: its expression comes from a static no-arg method of the entity. */
    private static ColumnProperty computedProperty(Class<?> type, Field f, Column col,
                                                   org.jalchemy.orm.annotations.ColumnProperty cp, String columnName,
                                                   int index, String where) {
        if (f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(Version.class)
                || f.isAnnotationPresent(ForeignKey.class)) {
            throw new MappingError("@ColumnProperty field " + where + " is computed by a SQL expression; it cannot also "
                    + "be an @Id, @Version or @ForeignKey");
        }
        if (index >= 64) {
            throw new MappingError("@ColumnProperty field " + where + " is column " + (index + 1) + " of its entity; "
                    + "only the first 64 columns can be computed (move it up)");
        }
        java.lang.reflect.Method method = null;
        for (Class<?> c = type; c != null && method == null; c = c.getSuperclass()) {
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(cp.value()) && m.getParameterCount() == 0) {
                    method = m;
                }
            }
        }
        if (method == null || !Modifier.isStatic(method.getModifiers())
                || !ColumnElement.class.isAssignableFrom(method.getReturnType())) {
            throw new MappingError("@ColumnProperty(\"" + cp.value() + "\") on " + where + " needs a static no-argument "
                    + "method " + cp.value() + "() of " + type.getSimpleName() + " returning the ColumnElement to select"
                    + (method == null ? "; there is none" : "; " + method + " is not one"));
        }
        MethodHandle factory;
        try {
            factory = MethodHandles.privateLookupIn(method.getDeclaringClass(), MethodHandles.lookup())
                    .unreflect(method).asType(MethodType.methodType(Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingError("Cannot access " + method + " for @ColumnProperty " + where + ": " + e.getMessage()
                    + " (in a named module, open the package to org.jalchemy.orm)", e);
        }
        return new ColumnProperty(f, columnName, resolveType(f, col, where), index, factory);
    }

    private Object polymorphicIdentity(Class<E> type, Inheritance.Strategy strategy) {
        PolymorphicIdentity pi = type.getAnnotation(PolymorphicIdentity.class);
        String where = type.getName();
        if (hierarchy == null) {
            if (pi != null) {
                throw new MappingError("@PolymorphicIdentity on " + where + " needs an inheritance hierarchy: declare "
                        + "@Inheritance on its base class");
            }
            return null;
        }
        if (abstractClass) {
            if (pi != null) {
                throw new MappingError("@PolymorphicIdentity on " + where + ": the class is abstract, so no row is of "
                        + "it; remove the annotation");
            }
            return null;
        }
        if (strategy == Inheritance.Strategy.CONCRETE) {
            return pi != null ? pi.value() : type.getSimpleName();
        }
        if (pi == null) {
            throw new MappingError("Entity " + where + " is part of the " + strategy + " hierarchy of "
                    + hierarchy.root().entityName() + " but has no @PolymorphicIdentity: give it the value of "
                    + hierarchy.root().entityName() + "." + hierarchy.discriminator().name() + " that marks its rows");
        }
        return Hierarchy.identityValue(pi.value(), hierarchy.discriminator(), where);
    }

    /**
     * A relationship when the field carries {@code @Relationship} or its type is a mapped class (or
     * a List/Set/Collection of one); null for a column field.
     */
    private RelationshipProperty relationshipOf(Field f, int index) {
        Relationship r = f.getAnnotation(Relationship.class);
        Class<?> raw = f.getType();
        boolean collection = RelationshipProperty.isCollectionType(raw);
        boolean ref = raw == org.jalchemy.orm.Ref.class;
        Class<?> target = raw;
        if (collection || ref) {
            target = null;
            if (f.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
                target = c;
            }
        }
        boolean entityTarget = target != null && isMapped(target);
        if (r == null && !entityTarget) {
            return null;
        }
        String where = type.getName() + "." + f.getName();
        if (!entityTarget) {
            throw new MappingError("@Relationship field " + where + " must be a mapped entity, a Ref of one, or a "
                    + "List, Set or Collection of one (with its type argument given); it is "
                    + f.getGenericType().getTypeName());
        }
        if (f.isAnnotationPresent(Column.class) || f.isAnnotationPresent(Id.class)) {
            throw new MappingError("Field " + where + " is a relationship to " + target.getSimpleName()
                    + " and cannot also be a @Column/@Id; map the foreign key as its own field");
        }
        return new RelationshipProperty(this, f, target, collection, raw == Set.class, ref, r, index);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> resolveType(Field f, Column col, String where) {
        Enumerated en = f.getAnnotation(Enumerated.class);
        if (en != null) {
            if (!f.getType().isEnum() || (col != null && col.type() != SqlType.class)) {
                throw new MappingError("@Enumerated on " + where + " needs a Java enum field without @Column(type = ...);"
                        + " the field is a " + f.getGenericType().getTypeName());
            }
            Class<? extends Enum> type = (Class<? extends Enum>) f.getType();
            String name = en.name().isEmpty() ? type.getSimpleName().toLowerCase(Locale.ROOT) : en.name();
            return new org.jalchemy.types.EnumType(type, name).storage(en.nativeEnum(), en.createConstraint(),
                    en.length() < 0 ? null : en.length());
        }
        if (col != null && col.type() == org.jalchemy.types.JsonType.class) {
            // the field's own class is the JSON value's (Map, List, a record...): no subclass to write
            try {
                return new org.jalchemy.types.JsonType(BasicTypes.box(f.getType()), org.jalchemy.types.JsonCodec.defaultCodec());
            } catch (org.jalchemy.exc.ArgumentError noCodec) {
                throw new MappingError("Field " + where + ": @Column(type = JsonType.class) needs a JSON codec: add"
                        + " com.fasterxml.jackson.core:jackson-databind to the class path, or give a TypeDecorator over"
                        + " SqlTypes.json(type, codec) as the column type", noCodec);
            }
        }
        if (col != null && col.type() != SqlType.class) {
            Class<?> tc = col.type();
            // the parameterised types take their parameters from the annotation's length/precision/scale
            if (tc == org.jalchemy.types.StringType.class) {
                return new org.jalchemy.types.StringType(col.length() < 0 ? null : col.length());
            }
            if (tc == org.jalchemy.types.NumericType.class) {
                return new org.jalchemy.types.NumericType(col.precision() < 0 ? null : col.precision(),
                        col.scale() < 0 ? null : col.scale());
            }
            try {
                try {
                    Field inst = tc.getField("INSTANCE");
                    if (Modifier.isStatic(inst.getModifiers())) {
                        return (SqlType<?>) inst.get(null);
                    }
                } catch (NoSuchFieldException ignored) {
                    // fall through to the constructor
                }
                return (SqlType<?>) tc.getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new MappingError("Field " + where + ": cannot instantiate @Column(type = " + tc.getName()
                        + "); it needs a public static INSTANCE field or a public no-arg constructor", e);
            }
        }
        SqlType<?> t;
        try {
            t = BasicTypes.infer(f.getType(), col == null ? -1 : col.length(),
                    col == null ? -1 : col.precision(), col == null ? -1 : col.scale());
        } catch (org.jalchemy.exc.ArgumentError e) { // a JSON field without a JsonCodec (Jackson) on the class path
            throw new MappingError("Field " + where + " of type " + f.getType().getSimpleName() + " maps to a JSON "
                    + "column: " + e.getMessage(), e);
        }
        if (t == null) {
            throw new MappingError("Field " + where + " of type " + f.getGenericType().getTypeName()
                    + " cannot be mapped to a column: no SQL type is known for it; give one with "
                    + "@Column(type = ...) or exclude the field with @Transient");
        }
        return t;
    }

    private static ForeignKeyRef parseForeignKey(ColumnProperty p, ForeignKey fk, String where) {
        String[] parts = fk.value().split("\\.");
        if (parts.length < 2 || parts.length > 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new MappingError("@ForeignKey(\"" + fk.value() + "\") on " + where
                    + " is malformed: write \"table.column\" or \"schema.table.column\"");
        }
        String schema = parts.length == 3 ? parts[0] : null;
        return new ForeignKeyRef(p, schema, parts[parts.length - 2], parts[parts.length - 1],
                fk.onDelete().isEmpty() ? null : fk.onDelete(), fk.onUpdate().isEmpty() ? null : fk.onUpdate(),
                fk.name().isEmpty() ? null : fk.name());
    }

    private List<TableConstraint> readConstraints(Class<E> type) {
        List<TableConstraint> out = new ArrayList<>();
        for (Index ix : type.getAnnotationsByType(Index.class)) {
            out.add(new TableConstraint(TableConstraint.Kind.INDEX, ix.name().isEmpty() ? null : ix.name(),
                    resolveAll(ix.columns(), "@Index"), ix.unique(), null));
        }
        for (UniqueConstraint uc : type.getAnnotationsByType(UniqueConstraint.class)) {
            out.add(new TableConstraint(TableConstraint.Kind.UNIQUE, uc.name().isEmpty() ? null : uc.name(),
                    resolveAll(uc.columns(), "@UniqueConstraint"), true, null));
        }
        for (CheckConstraint cc : type.getAnnotationsByType(CheckConstraint.class)) {
            out.add(new TableConstraint(TableConstraint.Kind.CHECK, cc.name().isEmpty() ? null : cc.name(), List.of(),
                    false, cc.value()));
        }
        return out;
    }

    private List<CompositeForeignKey> readCompositeForeignKeys(Class<E> type) {
        List<CompositeForeignKey> out = new ArrayList<>();
        for (org.jalchemy.orm.annotations.ForeignKeyConstraint fk
                : type.getAnnotationsByType(org.jalchemy.orm.annotations.ForeignKeyConstraint.class)) {
            List<ColumnProperty> cols = resolveAll(fk.columns(), "@ForeignKeyConstraint");
            if (fk.referencedColumns().length != cols.size()) {
                throw new MappingError("@ForeignKeyConstraint on " + type.getName() + " lists " + cols.size()
                        + " columns but " + fk.referencedColumns().length + " referenced columns; give one per column");
            }
            String[] parts = fk.references().split("\\.");
            if (parts.length > 2 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new MappingError("@ForeignKeyConstraint(references = \"" + fk.references() + "\") on "
                        + type.getName() + " is malformed: write \"table\" or \"schema.table\"");
            }
            out.add(new CompositeForeignKey(cols, parts.length == 2 ? parts[0] : null, parts[parts.length - 1],
                    List.of(fk.referencedColumns()), fk.onDelete().isEmpty() ? null : fk.onDelete(),
                    fk.onUpdate().isEmpty() ? null : fk.onUpdate(), fk.name().isEmpty() ? null : fk.name()));
        }
        return out;
    }

    private List<ColumnProperty> resolveAll(String[] names, String what) {
        if (names.length == 0) {
            throw new MappingError(what + " on " + type.getName() + " lists no columns");
        }
        List<ColumnProperty> out = new ArrayList<>(names.length);
        for (String n : names) {
            ColumnProperty p = byName.get(n);
            if (p == null) {
                throw new MappingError(what + " on " + type.getName() + " names unknown attribute '" + n
                        + "'; attributes are " + byName.keySet());
            }
            out.add(p);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <E> Supplier<E> instantiator(Class<E> type) {
        MethodHandle ctor;
        try {
            var c = type.getDeclaredConstructor();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            ctor = lookup.unreflectConstructor(c).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new MappingError("Entity " + type.getName() + " needs a no-arg constructor (any visibility)", e);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingError("Cannot access the no-arg constructor of " + type.getName() + ": " + e.getMessage()
                    + " (in a named module, open the package to org.jalchemy.orm)", e);
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingError("Entity " + type.getName() + " is an inner (non-static) class; make it static");
        }
        final MethodHandle mh = ctor;
        return () -> {
            try {
                return (E) (Object) mh.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("Constructor of " + type.getName() + " failed", t);
            }
        };
    }

    static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean nextLower = i > 0 && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                        && Character.isUpperCase(name.charAt(i - 1));
                if (prevLower || nextLower) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ accessors

    public Class<E> type() {
        return type;
    }

    /** The entity's simple class name, for messages. */
    public String entityName() {
        return type.getSimpleName();
    }

    public String tableName() {
        return tableName;
    }

    /** Schema, or null for the default. */
    public String schema() {
        return schema;
    }

    /**
     * Replaces the mutable JSON values (Map, List, JsonNode) of {@code values} (a row or snapshot
     * in mapper order) by deep copies (a JSON round trip through the column's codec), so a snapshot
     * does not share them with the object's fields and an in-place change is seen at flush as a
     * difference. Returns {@code values}. Nothing to do (no cost) for entities without such columns.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object[] copyMutable(Object[] values) {
        for (int i : mutableJson) {
            if (i < values.length && values[i] != null) {
                org.jalchemy.types.JsonType jt = (org.jalchemy.types.JsonType) properties.get(i).type();
                values[i] = jt.codec().decode(jt.codec().encode(values[i]), jt.javaType());
            }
        }
        return values;
    }

    /** True when the entity has Map/List/JsonNode JSON columns (see {@link #copyMutable}). */
    public boolean hasMutableJson() {
        return mutableJson.length > 0;
    }

    /** An {@code @Embedded} record field: its record type and its component properties, in component order. */
    public record Composite(String name, Class<?> recordType, List<ColumnProperty> components, EmbeddedAccess access) {
        /** The record's component values (nulls when {@code record} is null). */
        public Object[] values(Object record) {
            Object[] out = new Object[components.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = access.component(record, i);
            }
            return out;
        }
    }

    /** The {@code @Embedded} field {@code name}; {@code NoSuchColumnError} listing those that exist. */
    public Composite composite(String name) {
        Composite c = composites.get(name);
        if (c == null) {
            throw new NoSuchColumnError("Entity " + entityName() + " has no @Embedded attribute '" + name
                    + "'; its embedded attributes are " + composites.keySet());
        }
        return c;
    }

    private static Composite embedded(Class<?> type, Field f, List<ColumnProperty> props, Map<String, ColumnProperty> names,
                                      Map<String, ColumnProperty> columns) {
        String where = type.getName() + "." + f.getName();
        EmbeddedAccess access = new EmbeddedAccess(f);
        org.jalchemy.orm.annotations.Embedded e = f.getAnnotation(org.jalchemy.orm.annotations.Embedded.class);
        String prefix = e.prefix().isEmpty() ? snakeCase(f.getName()) : e.prefix();
        List<ColumnProperty> parts = new ArrayList<>();
        java.lang.reflect.RecordComponent[] rc = f.getType().getRecordComponents();
        for (int k = 0; k < rc.length; k++) {
            String name = f.getName() + Character.toUpperCase(rc[k].getName().charAt(0)) + rc[k].getName().substring(1);
            String columnName = prefix + "_" + snakeCase(rc[k].getName());
            SqlType<?> sqlType = BasicTypes.infer(rc[k].getType(), -1, -1, -1);
            if (sqlType == null) {
                throw new MappingError("@Embedded field " + where + ": component " + rc[k].getName() + " of type "
                        + rc[k].getType().getName() + " has no known SQL type");
            }
            ColumnProperty p = new ColumnProperty(type, name, columnName, rc[k].getType(), sqlType, props.size(), true,
                    access.getter(k), access.setter(k));
            if (columns.put(columnName.toLowerCase(Locale.ROOT), p) != null || names.put(name, p) != null) {
                throw new MappingError("@Embedded field " + where + " maps column '" + columnName + "' or attribute '"
                        + name + "' that another field maps too; give it @Embedded(prefix = ...)");
            }
            props.add(p);
            parts.add(p);
        }
        return new Composite(f.getName(), f.getType(), List.copyOf(parts), access);
    }

    /** The entity's {@code @BeforeInsert}... and {@code @Validates} methods. */
    public EntityCallbacks callbacks() {
        return callbacks;
    }

    /** Bit {@code i} set: property {@code i} is {@code @Column(deferred = true)}. */
    public long deferredMask() {
        return deferredMask;
    }

    /** Column properties in mapping order. */
    public List<ColumnProperty> properties() {
        return properties;
    }

    /** The property named {@code name}; {@link NoSuchColumnError} naming the entity and listing its attributes. */
    public ColumnProperty property(String name) {
        ColumnProperty p = byName.get(name);
        if (p == null) {
            throw new NoSuchColumnError("Entity " + entityName() + " has no attribute '" + name + "'; its attributes are "
                    + byName.keySet());
        }
        return p;
    }

    /** True when {@code name} is a mapped attribute. */
    public boolean hasProperty(String name) {
        return byName.containsKey(name);
    }

    /** A typed attribute by name (what the metamodel's {@code User_.username} is); errors as {@link #property}. */
    @SuppressWarnings("unchecked")
    public <T> Attribute<E, T> attribute(String name) {
        property(name);
        return (Attribute<E, T>) attributes.get(name);
    }

    /** Attributes in mapping order. */
    public List<Attribute<E, ?>> attributes() {
        return attributeList;
    }

    /**
     * The entity's Core table, whose columns are its attributes. With inheritance: the table this
     * class's own columns are in (a single-table subclass shares its base's, which then exports the
     * whole hierarchy's columns); see {@link #selectable()} for what loads the entity.
     */
    public MappedTable<E> table() {
        if (hierarchy != null) {
            hierarchy.ensureConfigured();
        }
        return table;
    }

    /** {@link #table()} without configuring the hierarchy (for {@link Hierarchy} itself). */
    MappedTable<E> localTable() {
        return table;
    }

    /**
     * What {@code Orm.select(E.class)} selects to load this entity: its {@link #table()}, or with
     * inheritance the {@link EntityView} its {@link RowLayout} reads (subclass columns included).
     */
    public FromClause selectable() {
        return hierarchy == null ? table : layout().selectable();
    }

    /** How this entity's rows (and its subclasses') are read: the default layout of its hierarchy; null without inheritance. */
    public RowLayout layout() {
        Configuration c = configuration();
        return c == null ? null : c.layout();
    }

    /** The layout that joins every subclass table in (SQLAlchemy's {@code with_polymorphic}); null without inheritance. */
    public RowLayout inlineLayout() {
        Configuration c = configuration();
        return c == null ? null : c.inline();
    }

    /** The layout that loads subclass tables afterwards, one SELECT per subclass ({@code selectin_polymorphic}); null without inheritance. */
    public RowLayout selectinLayout() {
        Configuration c = configuration();
        return c == null ? null : c.selectin();
    }

    /**
     * The FROM clause holding this entity's own rows without its subclasses' columns: its table, or
     * for a joined subclass the inner join of its tables (what relationship joins and loads use).
     */
    public FromClause ownSelectable() {
        Configuration c = configuration();
        return c == null ? table : c.ownSelectable();
    }

    private Configuration configuration() {
        if (hierarchy == null) {
            return null;
        }
        hierarchy.ensureConfigured();
        return configuration;
    }

    void configured(Configuration c) {
        this.configuration = c;
    }

    /** The inheritance hierarchy this entity belongs to, or null. */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** The mapped superclass this entity inherits from, or null. */
    public Mapper<?> parent() {
        return parent;
    }

    /**
     * The mapper whose identity map this entity's objects live in: the base class of a single-table
     * or joined hierarchy (so {@code get(Employee.class, 1)} and {@code get(Manager.class, 1)} meet
     * the same object), otherwise this one (a concrete-table class keeps its own, as in SQLAlchemy).
     */
    public Mapper<?> identityBase() {
        return identityBase;
    }

    /** This class's {@code @PolymorphicIdentity} as a discriminator value, or null. */
    public Object polymorphicIdentity() {
        return polymorphicIdentity;
    }

    /** True for an abstract class (the base of a hierarchy): it has no rows of its own. */
    public boolean isAbstract() {
        return abstractClass;
    }

    /** True when {@code other} is this mapper or one of its mapped subclasses (SQLAlchemy's {@code isa}, reversed). */
    public boolean isAncestorOf(Mapper<?> other) {
        for (Mapper<?> m = other; m != null; m = m.parent) {
            if (m == this) {
                return true;
            }
        }
        return false;
    }

    /** The mapped subclasses of this entity, depth first (empty without inheritance). */
    public List<Mapper<?>> descendants() {
        Configuration c = configuration();
        return c == null ? List.of() : c.descendants();
    }

    /** The properties this class declares itself (after its parent's). */
    public List<ColumnProperty> ownProperties() {
        return properties.subList(ownFrom, properties.size());
    }

    /** The tables this entity's rows are written to, base first: one, except for a joined subclass. */
    public List<TablePart> tableParts() {
        return parts;
    }

    /** Bit i: property i is computed ({@code @ColumnProperty}): selected, never written. */
    public long computedMask() {
        return computedMask;
    }

    /**
     * True when this entity or a mapped subclass has relationships (objects a query returns may
     * need relationship loading); the same as {@link #hasRelationships()} without inheritance.
     */
    public boolean loadsRelationships() {
        Configuration c = configuration();
        return c == null ? !relationships.isEmpty() : c.relationships();
    }

    /** True when this entity or a mapped subclass has lifecycle or validator methods. */
    public boolean hasCallbacksBelow() {
        Configuration c = configuration();
        return c == null ? !callbacks.isEmpty() : c.callbacks();
    }

    /**
     * The WHERE criterion restricting rows of {@code from} (this entity's table, an alias or a view
     * of it) to this class and its subclasses — {@code type IN ('manager', ...)} — for a subclass
     * in a single-table hierarchy; null for every other mapper (their tables hold their rows only).
     */
    public org.jalchemy.sql.ColumnElement<Boolean> discriminatorCriterion(FromClause from) {
        if (hierarchy == null || parent == null || hierarchy.strategy() != Inheritance.Strategy.SINGLE_TABLE) {
            return null;
        }
        List<Object> ids = configuration().identities();
        org.jalchemy.sql.ColumnClause<Object> d = from.c(hierarchy.discriminator().columnName());
        return ids.size() == 1 ? d.eq(ids.get(0)) : d.in(ids);
    }

    /**
     * The mapper whose rows {@code from} holds: an entity's {@link MappedTable} or an alias of one
     * ({@code Orm.aliased(User.class)}); null for any other FROM clause.
     */
    public static Mapper<?> aliasedEntity(org.jalchemy.sql.FromClause from) {
        if (from instanceof MappedTable<?> t) {
            return t.mapper();
        }
        if (from instanceof EntityView<?> v) {
            return v.mapper();
        }
        if (from instanceof org.jalchemy.sql.Alias a && a.element() instanceof MappedTable<?> t) {
            return t.mapper();
        }
        return null;
    }

    /** Primary-key properties in order (never empty). */
    public ColumnProperty[] primaryKey() {
        return primaryKey.clone();
    }

    public int primaryKeySize() {
        return primaryKey.length;
    }

    public ColumnProperty primaryKey(int i) {
        return primaryKey[i];
    }

    /** The {@code @Version} property, or null. */
    public ColumnProperty versionProperty() {
        return version;
    }

    public List<ForeignKeyRef> foreignKeys() {
        return foreignKeys;
    }

    /** Relationship fields in declaration order (resolved lazily; see {@link RelationshipProperty}). */
    public List<RelationshipProperty> relationships() {
        return relationships;
    }

    /** True when the entity has relationship fields. */
    public boolean hasRelationships() {
        return !relationships.isEmpty();
    }

    /** The relationship named {@code name}; {@link NoSuchColumnError} naming the entity and listing its relationships. */
    public RelationshipProperty relationship(String name) {
        RelationshipProperty r = relationshipOrNull(name);
        if (r == null) {
            throw new NoSuchColumnError("Entity " + entityName() + " has no relationship '" + name
                    + "'; its relationships are " + relationships.stream().map(RelationshipProperty::name).toList());
        }
        return r;
    }

    /** The relationship named {@code name}, or null. */
    public RelationshipProperty relationshipOrNull(String name) {
        for (RelationshipProperty r : relationships) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** Class-level (composite) foreign keys, from {@code @ForeignKeyConstraint}. */
    public List<CompositeForeignKey> compositeForeignKeys() {
        return compositeForeignKeys;
    }

    /** Class-level indexes and constraints. */
    public List<TableConstraint> constraints() {
        return constraints;
    }

    /**
     * The accessor generated for this entity by the annotation processor, checked against this
     * mapper's properties; null when there is none (then fields go through method handles).
     */
    public FieldAccess<E> fieldAccess() {
        return fieldAccess;
    }

    /** A new, empty instance through the no-arg constructor; raises for an abstract class. */
    public E newInstance() {
        if (instantiator == null) {
            throw new MappingError("Entity " + type.getName() + " is abstract and cannot be instantiated: a row must "
                    + "be of one of its concrete subclasses");
        }
        return instantiator.get();
    }

    /** A per-mapper cache (compiled statements by shape); keys must include the dialect. */
    public Map<Object, Object> cache() {
        return cache;
    }

    // ------------------------------------------------------------------ identity

    /** The identity of {@code entity} from its primary-key fields, or null when any of them is null. */
    public Object identity(Object entity) {
        if (primaryKey.length == 1) {
            return primaryKey[0].get(entity);
        }
        Object[] k = new Object[primaryKey.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = primaryKey[i].get(entity);
            if (k[i] == null) {
                return null;
            }
        }
        return Arrays.asList(k);
    }

    /** The identity from a snapshot / row of all properties in mapping order. */
    public Object identityFromValues(Object[] values) {
        if (primaryKey.length == 1) {
            return values[primaryKey[0].index()];
        }
        Object[] k = new Object[primaryKey.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = values[primaryKey[i].index()];
        }
        return Arrays.asList(k);
    }

    /**
     * Normalises an identity given by the user ({@code session.get(User.class, 5)}): a single value
     * for one-column keys, an {@code Object[]} or {@code List} for composite keys; numbers are
     * converted to the property's Java type. Raises {@code ArgumentError} for the wrong arity or type.
     */
    public Object normalizeIdentity(Object id) {
        Objects.requireNonNull(id, "primary key");
        if (primaryKey.length == 1) {
            if (id instanceof Object[] || id instanceof List<?>) {
                throw new org.jalchemy.exc.ArgumentError("Entity " + entityName() + " has a single-column primary key ("
                        + primaryKey[0].name() + "); pass one value, not " + id);
            }
            return normalize(primaryKey[0], id);
        }
        List<?> parts = id instanceof Object[] a ? Arrays.asList(a) : id instanceof List<?> l ? l : null;
        if (parts == null || parts.size() != primaryKey.length) {
            throw new org.jalchemy.exc.ArgumentError("Entity " + entityName() + " has a composite primary key "
                    + Arrays.stream(primaryKey).map(ColumnProperty::name).toList() + "; pass " + primaryKey.length
                    + " values as an array or list");
        }
        Object[] k = new Object[primaryKey.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = normalize(primaryKey[i], parts.get(i));
        }
        return Arrays.asList(k);
    }

    private Object normalize(ColumnProperty p, Object v) {
        Class<?> t = p.javaType();
        if (t.isInstance(v)) {
            return v;
        }
        if (v instanceof Number n) {
            if (t == Long.class) {
                return n.longValue();
            }
            if (t == Integer.class) {
                return n.intValue();
            }
            if (t == Short.class) {
                return n.shortValue();
            }
        }
        throw new org.jalchemy.exc.ArgumentError("Primary key " + entityName() + "." + p.name() + " is a "
                + t.getSimpleName() + "; got " + v.getClass().getSimpleName() + " " + v);
    }

    /** {@code User(id=5)} — how messages name an instance. */
    public String describe(Object identity) {
        StringBuilder sb = new StringBuilder(entityName()).append('(');
        if (primaryKey.length == 1) {
            sb.append(primaryKey[0].name()).append('=').append(identity);
        } else if (identity instanceof List<?> l) {
            for (int i = 0; i < primaryKey.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(primaryKey[i].name()).append('=').append(l.get(i));
            }
        } else {
            sb.append("<no identity>");
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return "Mapper[" + type.getName() + " -> " + (schema == null ? "" : schema + ".") + tableName + "]";
    }
}
