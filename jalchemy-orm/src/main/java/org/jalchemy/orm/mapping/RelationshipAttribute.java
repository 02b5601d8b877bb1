package org.jalchemy.orm.mapping;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.mapping.RelationshipProperty.Resolved;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.JoinTarget;
import org.jalchemy.sql.Sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A typed relationship of an entity — what the metamodel's {@code User_.posts} is — used in loader
 * options ({@code selectinload(User_.posts)}), in joins ({@code select(User.class).join(User_.posts)},
 * SQLAlchemy's {@code join(User.posts)}) and in criteria ({@code User_.posts.any(Post_.title.like("%x%"))}).
 * Chained loader options check paths at compile time: {@code selectinload(User_.posts).joinedload(Post_.comments)}
 * needs {@code Post_.comments} to start where {@code User_.posts} ends ({@code T}).
 *
 * <p>As a {@link JoinTarget} it joins the target's table (or the alias given by {@link #to}) from
 * the owner's table (or the alias given by {@link #from}) on the relationship's own condition —
 * its foreign key columns, {@code where} criteria, and for many-to-many the association table
 * first — so a statement may hold several foreign keys between the two tables. The join needs the
 * owner's table (or the {@link #from} alias) on its left side and raises naming the relationship
 * otherwise.
 *
 * <p>Resolves its {@link RelationshipProperty} lazily, so loading {@code User_} maps nothing.
 * Immutable.
 *
 * @param <E> the entity holding the relationship
 * @param <T> the related entity (the element type of a collection)
 */
public final class RelationshipAttribute<E, T> extends JoinTarget {
    private final Class<E> owner;
    private final String name;
    private final Class<T> target;
    private final FromClause fromAlias; // null: the owner's MappedTable
    private final FromClause toAlias; // null: the target's MappedTable

    private RelationshipAttribute(Class<E> owner, String name, Class<T> target, FromClause fromAlias,
                                  FromClause toAlias) {
        this.owner = owner;
        this.name = name;
        this.target = target;
        this.fromAlias = fromAlias;
        this.toAlias = toAlias;
    }

    /** The relationship {@code name} of {@code owner}, targeting {@code target} (what {@code User_} calls). */
    public static <E, T> RelationshipAttribute<E, T> of(Class<E> owner, String name, Class<T> target) {
        return new RelationshipAttribute<>(owner, name, target, null, null);
    }

    /** The relationship {@code name} of {@code owner}, by name (no metamodel); unknown names raise {@code NoSuchColumnError}. */
    @SuppressWarnings("unchecked")
    public static <E> RelationshipAttribute<E, Object> named(Class<E> owner, String name) {
        RelationshipProperty p = Mapper.of(owner).relationship(name);
        return new RelationshipAttribute<>(owner, name, (Class<Object>) p.targetType(), null, null);
    }

    /** The mapped relationship; raises when the entity has no such relationship or it targets another class. */
    public RelationshipProperty property() {
        RelationshipProperty p = Mapper.of(owner).relationship(name);
        if (p.targetType() != target && target != Object.class) {
            throw new ArgumentError("Relationship " + p.where() + " targets " + p.targetType().getSimpleName() + ", not "
                    + target.getSimpleName() + " (is the generated metamodel stale? rebuild)");
        }
        return p;
    }

    public Class<E> owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    /** The related entity class. */
    public Class<T> targetType() {
        return target;
    }

    // ------------------------------------------------------------------ joins

    /**
     * This relationship joined to {@code alias} of the target entity instead of its table
     * (SQLAlchemy's {@code of_type}): {@code join(Node_.parent.to(parent))} with
     * {@code parent = aliased(Node.class)} for a self-referential join.
     */
    public RelationshipAttribute<E, T> to(FromClause alias) {
        return new RelationshipAttribute<>(owner, name, target, fromAlias, checkedAlias(alias, target, "to"));
    }

    /** This relationship starting at {@code alias} of the owner entity instead of its table. */
    public RelationshipAttribute<E, T> from(FromClause alias) {
        return new RelationshipAttribute<>(owner, name, target, checkedAlias(alias, owner, "from"), toAlias);
    }

    private FromClause checkedAlias(FromClause alias, Class<?> entity, String what) {
        if (alias == null) {
            throw new ArgumentError(this + "." + what + "(): the alias must not be null");
        }
        if (Mapper.aliasedEntity(alias) != Mapper.of(entity)) {
            throw new ArgumentError(this + "." + what + "(" + alias + "): not an alias of " + entity.getSimpleName()
                    + "; make one with aliased(" + entity.getSimpleName() + ".class)");
        }
        return alias;
    }

    /**
     * The owner's FROM clause this relationship starts at: its table (for a joined subclass, the
     * join of its tables), or the {@link #from} alias.
     */
    public FromClause parent() {
        return fromAlias != null ? fromAlias : Mapper.of(owner).ownSelectable();
    }

    @Override
    public FromClause target() {
        return toAlias != null ? toAlias : Mapper.of(target).ownSelectable();
    }

    /** {@code p}'s column where the relationship starts. */
    private ColumnClause<Object> parentCol(ColumnProperty p) {
        return fromAlias != null ? col(fromAlias, p) : attr(Mapper.of(owner), p);
    }

    /** {@code p}'s column in {@code tgt} (the target's own selectable or its alias). */
    private ColumnClause<Object> targetCol(FromClause tgt, ColumnProperty p) {
        return tgt == toAlias ? col(tgt, p) : attr(Mapper.of(target), p);
    }

    @SuppressWarnings("unchecked")
    private static ColumnClause<Object> attr(Mapper<?> m, ColumnProperty p) {
        return (ColumnClause<Object>) (ColumnClause<?>) m.attribute(p.name());
    }

    /** {@code on} with a single-table subclass target's discriminator criterion. */
    private ColumnElement<Boolean> targetCriteria(ColumnElement<Boolean> on, FromClause tgt) {
        ColumnElement<Boolean> d = Mapper.of(target).discriminatorCriterion(tgt);
        return d == null ? on : Sql.and(on, d);
    }

    @Override
    public FromClause secondary() {
        Resolved r = property().resolved();
        return r.secondary() == null ? null : r.secondary().table();
    }

    @Override
    protected ColumnElement<Boolean> onClause(FromClause leftPart) {
        FromClause parent = parent();
        if (leftPart != parent) {
            return null;
        }
        Resolved r = property().resolved();
        if (r.secondary() != null) {
            return parentCol(r.local()).eq(r.secondary().localColumn());
        }
        FromClause tgt = target();
        return targetCriteria(withWhere(parentCol(r.local()).eq(targetCol(tgt, r.remote())), r, tgt), tgt);
    }

    @Override
    protected ColumnElement<Boolean> targetOnClause() {
        Resolved r = property().resolved();
        FromClause tgt = target();
        return targetCriteria(withWhere(r.secondary().remoteColumn().eq(targetCol(tgt, r.remote())), r, tgt), tgt);
    }

    @Override
    protected String description() {
        return "relationship " + this;
    }

    // ------------------------------------------------------------------ criteria

    /**
     * {@code EXISTS (SELECT ... FROM target WHERE <join condition> AND criterion)} for a collection
     * (SQLAlchemy's {@code User.posts.any(...)}): rows whose collection has a member matching every
     * criterion (any member at all with none). The subquery correlates to the owner's table.
     */
    @SafeVarargs
    public final ColumnElement<Boolean> any(ColumnElement<Boolean>... criteria) {
        if (!property().isCollection()) {
            throw new ArgumentError(this + " is a single reference; use has(...), not any(...)");
        }
        return exists(criteria);
    }

    /** {@code EXISTS (...)} for a single reference (SQLAlchemy's {@code Post.author.has(...)}). */
    @SafeVarargs
    public final ColumnElement<Boolean> has(ColumnElement<Boolean>... criteria) {
        if (property().isCollection()) {
            throw new ArgumentError(this + " is a collection; use any(...), not has(...)");
        }
        return exists(criteria);
    }

    private ColumnElement<Boolean> exists(ColumnElement<Boolean>[] criteria) {
        Resolved r = property().resolved();
        FromClause parent = parent();
        FromClause tgt = target();
        if (tgt == parent) {
            throw new ArgumentError(this + " is self-referential: name the related rows by an alias, "
                    + "e.g. " + name + ".to(aliased(" + target.getSimpleName() + ".class)).any(alias.c(...)...)");
        }
        List<ColumnElement<Boolean>> where = new ArrayList<>();
        if (r.secondary() != null) {
            where.add(parentCol(r.local()).eq(r.secondary().localColumn()));
            where.add(targetCriteria(withWhere(r.secondary().remoteColumn().eq(targetCol(tgt, r.remote())), r, tgt), tgt));
        } else {
            where.add(targetCriteria(withWhere(parentCol(r.local()).eq(targetCol(tgt, r.remote())), r, tgt), tgt));
        }
        where.addAll(List.of(criteria));
        org.jalchemy.sql.Select<?> sub = Sql.select(List.of(targetCol(tgt, r.remote()))).where(Sql.and(where));
        if (Mapper.of(target).hierarchy() != null && tgt != toAlias) {
            sub = sub.selectFrom(tgt); // a joined subclass's columns are in several tables
        }
        return sub.exists();
    }

    private ColumnElement<Boolean> withWhere(ColumnElement<Boolean> on, Resolved r, FromClause tgt) {
        if (r.where().isEmpty()) {
            return on;
        }
        List<ColumnElement<Boolean>> all = new ArrayList<>();
        all.add(on);
        for (RelationshipProperty.Condition c : r.where()) {
            ColumnClause<Object> col = targetCol(tgt, c.property());
            all.add(c.value() == null ? col.isNull() : col.eq(c.value()));
        }
        return Sql.and(all);
    }

    /** {@code p}'s column in {@code from}: the mapper's attribute for its table, the alias's column otherwise. */
    @SuppressWarnings("unchecked")
    static ColumnClause<Object> col(FromClause from, ColumnProperty p) {
        if (from instanceof MappedTable<?> t) {
            return (ColumnClause<Object>) (ColumnClause<?>) t.mapper().attribute(p.name());
        }
        return (ColumnClause<Object>) from.c(p.columnName());
    }

    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
