package org.jalchemy.orm;

import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.orm.mapping.MappedTable;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.ColumnsClauseRole;
import org.jalchemy.sql.Delete;
import org.jalchemy.sql.Row1;
import org.jalchemy.sql.Row2;
import org.jalchemy.sql.ExecutableOption;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.Sql;
import org.jalchemy.sql.Tuple;
import org.jalchemy.sql.Update;

import java.util.ArrayList;
import java.util.List;

/**
 * Static entry points of ORM-enabled statements; {@code import static org.jalchemy.orm.Orm.*}
 * next to {@code org.jalchemy.sql.Sql.*}. {@code select(User.class)} is a Core {@link Select} of
 * the entity's {@link MappedTable}: every Core refinement ({@code where}, {@code orderBy},
 * {@code limit}, {@code join}...) applies, and {@code session.execute(stmt)} turns each entity's
 * columns into objects through the identity map.
 */
public final class Orm {
    private Orm() {
    }

    /**
     * {@code SELECT} of one entity: a {@code Select<Row1<E>>}, so {@code session.scalars(select(User.class))}
     * yields Users. With inheritance it selects the entity's {@linkplain Mapper#selectable() selectable}
     * (rows of its subclasses come back as their own classes) and, for a single-table subclass, adds
     * the discriminator criterion ({@code WHERE employees.type IN ('manager')}).
     */
    public static <E> Select<Row1<E>> select(Class<E> entity) {
        Mapper<E> m = Mapper.of(entity);
        return restricted(typed(m.selectable()), m);
    }

    /** {@code SELECT} of two entities, one of each per row: rows are {@code Row2<A, B>}. */
    public static <A, B> Select<Row2<A, B>> select(Class<A> a, Class<B> b) {
        Mapper<A> ma = Mapper.of(a);
        Mapper<B> mb = Mapper.of(b);
        return restricted(restricted(typed(ma.selectable(), mb.selectable()), ma), mb);
    }

    /** {@code SELECT} of an entity and a column expression ({@code select(User.class, func.count(Post_.id))}). */
    public static <A, B> Select<Row2<A, B>> select(Class<A> a, ColumnElement<B> b) {
        Mapper<A> m = Mapper.of(a);
        return restricted(typed(m.selectable(), b), m);
    }

    /** {@code select} with the discriminator criterion of {@code m} when it is a single-table subclass. */
    private static <R> Select<R> restricted(Select<R> select, Mapper<?> m) {
        if (m.hierarchy() == null) {
            return select;
        }
        ColumnElement<Boolean> d = m.discriminatorCriterion(m.selectable());
        return d == null ? select : select.where(d);
    }

    /**
     * A SELECT of entities and column expressions, untyped ({@code Select<Tuple>}, for items chosen
     * at run time): each item is an entity class (all its columns, one object per row) or a Core
     * column expression ({@code User_.id}, {@code func.count(...)}). Column expressions alone go to
     * the typed {@code Sql.select(a, b, ...)}.
     */
    public static Select<Tuple> select(Object... items) {
        List<ColumnsClauseRole> cols = new ArrayList<>(items.length);
        for (Object item : items) {
            if (item instanceof Class<?> c) {
                cols.add(Mapper.of(c).selectable());
            } else if (item instanceof ColumnsClauseRole r) {
                cols.add(r);
            } else {
                throw new org.jalchemy.exc.ArgumentError("select() takes entity classes and column expressions; got "
                        + item);
            }
        }
        Select<Tuple> sel = Sql.select(cols);
        for (Object item : items) {
            if (item instanceof Class<?> c) {
                sel = restricted(sel, Mapper.of(c));
            }
        }
        return sel;
    }

    /**
     * The Core SELECT of {@code items} restated with the row shape its typed caller derived from
     * the items (entity classes map to their objects, columns to their declared types).
     */
    @SuppressWarnings("unchecked")
    private static <R> Select<R> typed(ColumnsClauseRole... items) {
        return (Select<R>) (Select<?>) Sql.select(java.util.Arrays.asList(items));
    }

    /**
     * Runs the statement on the engine called {@code name}: {@code bind("primary")} (or
     * {@code EngineSet.PRIMARY}) or a replica's name in a read/write-split session, a shard id in
     * a {@link org.jalchemy.orm.shard.ShardedSession}. See {@link BindOption}.
     */
    public static BindOption bind(String name) {
        return new BindOption(name);
    }

    /** The entity's FROM clause, for joins: {@code .join(table(Post.class), User_.id.eq(Post_.userId))}. */
    public static <E> MappedTable<E> table(Class<E> entity) {
        return Mapper.of(entity).table();
    }

    /**
     * An alias of the entity's table (SQLAlchemy's {@code aliased(User)}): selected, its rows
     * become entities like the table's ({@code select(author)}); its columns are
     * {@code author.c(User_.name)}; joins reach it with {@code join(Post_.author.to(author))} and
     * start from it with {@code join(User_.posts.from(author))}. Anonymous: the compiler names it.
     */
    public static org.jalchemy.sql.Alias aliased(Class<?> entity) {
        return Mapper.of(entity).table().alias();
    }

    /** {@link #aliased(Class)} under {@code name} ({@code users AS author}). */
    public static org.jalchemy.sql.Alias aliased(Class<?> entity, String name) {
        return Mapper.of(entity).table().alias(name);
    }

    /** ORM bulk INSERT: run with {@code session.execute(insert(User.class), listOfMaps)} (attribute names as keys). */
    public static org.jalchemy.sql.Insert insert(Class<?> entity) {
        return Sql.insert(table(entity));
    }

    /** ORM-enabled bulk UPDATE of the entity's table; see {@link Session#execute(org.jalchemy.sql.Executable)}. */
    public static Update update(Class<?> entity) {
        return Sql.update(table(entity));
    }

    /** ORM-enabled bulk DELETE of the entity's table. */
    public static Delete delete(Class<?> entity) {
        return Sql.delete(table(entity));
    }

    // ------------------------------------------------------------------ loader options

    /** Load {@code attribute} for all parents of a result with one {@code IN} query per 1000 parents. */
    public static <T> LoaderOption<T> selectinload(org.jalchemy.orm.mapping.RelationshipAttribute<?, T> attribute) {
        return LoaderOption.of(attribute, LoaderOption.Strategy.SELECTIN);
    }

    /** Load {@code attribute} in the same statement by a LEFT OUTER JOIN; parent rows are de-duplicated. */
    public static <T> LoaderOption<T> joinedload(org.jalchemy.orm.mapping.RelationshipAttribute<?, T> attribute) {
        return LoaderOption.of(attribute, LoaderOption.Strategy.JOINED);
    }

    /** Load {@code attribute} on first access (collections), whatever its default. */
    public static <T> LoaderOption<T> lazyload(org.jalchemy.orm.mapping.RelationshipAttribute<?, T> attribute) {
        return LoaderOption.of(attribute, LoaderOption.Strategy.LAZY);
    }

    /** Accessing {@code attribute} raises instead of loading (collections); references stay unloaded. */
    public static <T> LoaderOption<T> raiseload(org.jalchemy.orm.mapping.RelationshipAttribute<?, T> attribute) {
        return LoaderOption.of(attribute, LoaderOption.Strategy.RAISE);
    }

    /** Do not load {@code attribute}: an empty collection, a null reference. */
    public static <T> LoaderOption<T> noload(org.jalchemy.orm.mapping.RelationshipAttribute<?, T> attribute) {
        return LoaderOption.of(attribute, LoaderOption.Strategy.NOLOAD);
    }

    /**
     * Fill {@code attribute} from the target's columns of an explicit join already in the statement
     * ({@code select(User.class).join(table(Post.class), ...).options(containsEager(User_.posts))}).
     */
    public static <T> LoaderOption<T> containsEager(org.jalchemy.orm.mapping.RelationshipAttribute<?, T> attribute) {
        return LoaderOption.of(attribute, LoaderOption.Strategy.CONTAINS_EAGER);
    }

    /** Leave these columns out of the entity's SELECT; their fields stay unloaded (see {@link ColumnLoadOption}). */
    public static ColumnLoadOption defer(org.jalchemy.orm.mapping.Attribute<?, ?>... attributes) {
        return ColumnLoadOption.of(ColumnLoadOption.Kind.DEFER, attributes);
    }

    /** Load these columns although the mapping defers them ({@code @Column(deferred = true)}). */
    public static ColumnLoadOption undefer(org.jalchemy.orm.mapping.Attribute<?, ?>... attributes) {
        return ColumnLoadOption.of(ColumnLoadOption.Kind.UNDEFER, attributes);
    }

    /** Load only these columns (and the primary key) of their entity; the others stay unloaded. */
    public static ColumnLoadOption loadOnly(org.jalchemy.orm.mapping.Attribute<?, ?>... attributes) {
        return ColumnLoadOption.of(ColumnLoadOption.Kind.LOAD_ONLY, attributes);
    }

    private static final ExecutableOption POPULATE_EXISTING = new ExecutableOption() {
        @Override
        public String toString() {
            return "populateExisting()";
        }
    };

    /**
     * Rows of this statement overwrite the objects already in the session's identity map
     * (SQLAlchemy's {@code populate_existing}), discarding their unflushed changes: with
     * {@code forUpdate()} the locked rows' current values are what the objects hold.
     */
    public static ExecutableOption populateExisting() {
        return POPULATE_EXISTING;
    }

    /** A relationship by name, for loader options without the metamodel: {@code selectinload(rel(User.class, "posts"))}. */
    public static <E> org.jalchemy.orm.mapping.RelationshipAttribute<E, Object> rel(Class<E> entity, String name) {
        return org.jalchemy.orm.mapping.RelationshipAttribute.named(entity, name);
    }

    /** The mapper of an entity class (SQLAlchemy's {@code inspect(User)}). */
    public static <E> Mapper<E> mapper(Class<E> entity) {
        return Mapper.of(entity);
    }
}
