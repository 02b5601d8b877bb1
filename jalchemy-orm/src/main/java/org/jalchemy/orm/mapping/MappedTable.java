package org.jalchemy.orm.mapping;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Sql;
import org.jalchemy.sql.TableClause;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Core FROM clause of an entity: a lightweight table whose columns are the mapper's
 * {@link Attribute}s, in mapping order. {@code Orm.select(User.class)} is a Core
 * {@code select(...)} of this table; the session recognises it among a statement's raw columns
 * and turns those columns of each row into an entity.
 *
 * <p>{@code join(table(Post.class))} without an ON clause infers it from the mapped foreign keys
 * ({@code @ForeignKey}, {@code @ForeignKeyConstraint}) between the two entities' tables, also to an
 * alias of the other entity; two or more keys between them are ambiguous and raise, naming them.
 *
 * <p>With inheritance: a single-table hierarchy has one MappedTable (the base's), whose columns are
 * every class's columns — the base's, then each subclass's own; a joined subclass's table holds
 * its primary-key columns (named as the base's) and its own columns. {@link #column} finds the
 * column of this table that stores a property.
 *
 * <p>DDL is not its job: {@code Registry.metadata()} holds the schema {@code Table}s. Both render
 * as the same table name, but in one statement they are different FROM entries, so write ORM
 * statements with the metamodel ({@code User_.id}) or {@code Orm.table(User.class)}, not with the
 * registry's table.
 */
public final class MappedTable<E> extends TableClause {
    private final Mapper<E> mapper;
    private List<Attribute<E, ?>> columns = List.of();
    private List<Attribute<E, ?>> primaryKey = List.of();
    private java.util.Map<ColumnProperty, Attribute<?, ?>> byProperty = java.util.Map.of();

    MappedTable(Mapper<E> mapper, String name, String schema) {
        super(name, schema);
        this.mapper = mapper;
    }

    void init(List<Attribute<E, ?>> columns, List<Attribute<E, ?>> primaryKey) {
        this.columns = List.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
        index();
    }

    /** A single-table hierarchy's subclass columns join the base's table (once, when the hierarchy is configured). */
    @SuppressWarnings("unchecked")
    void extend(List<? extends Attribute<?, ?>> more) {
        List<Attribute<E, ?>> all = new ArrayList<>(columns);
        for (Attribute<?, ?> a : more) {
            all.add((Attribute<E, ?>) a);
        }
        this.columns = List.copyOf(all);
        index();
    }

    private void index() {
        java.util.Map<ColumnProperty, Attribute<?, ?>> m = new java.util.IdentityHashMap<>();
        for (Attribute<E, ?> a : columns) {
            m.putIfAbsent(a.property(), a);
        }
        this.byProperty = m;
    }

    /**
     * The column of this table that stores {@code p} (for a joined subclass's table, its key columns
     * store the base's primary-key properties); {@code ArgumentError} when this table has none.
     */
    public Attribute<?, ?> column(ColumnProperty p) {
        Attribute<?, ?> a = byProperty.get(p);
        if (a == null) {
            throw new ArgumentError("Table '" + name() + "' stores no column for " + p);
        }
        return a;
    }

    /** True when this table stores {@code p}. */
    public boolean stores(ColumnProperty p) {
        return byProperty.containsKey(p);
    }

    public Mapper<E> mapper() {
        return mapper;
    }

    @Override
    public List<Attribute<E, ?>> columns() {
        return columns;
    }

    @Override
    public List<Attribute<E, ?>> primaryKeyColumns() {
        return primaryKey;
    }

    /** This entity's mapped foreign keys to {@code other} (another entity's table or an alias of one), as an ON clause. */
    @Override
    protected ColumnElement<Boolean> foreignKeyCondition(FromClause other) {
        TableClause referred = other instanceof TableClause t ? t
                : Mapper.aliasedEntity(other) != null ? Mapper.aliasedEntity(other).table() : null;
        if (referred == null) {
            return null;
        }
        List<String> found = new ArrayList<>();
        List<ColumnElement<Boolean>> conditions = new ArrayList<>();
        for (ForeignKeyRef fk : mapper.foreignKeys()) {
            if (refers(fk.targetTable(), fk.targetSchema(), referred)) {
                found.add(fk.property().name() + " -> " + fk.targetTable() + "." + fk.targetColumn());
                conditions.add(eq(mapper.attribute(fk.property().name()), other.c(fk.targetColumn())));
            }
        }
        for (CompositeForeignKey fk : mapper.compositeForeignKeys()) {
            if (refers(fk.targetTable(), fk.targetSchema(), referred)) {
                found.add(fk.columns().stream().map(ColumnProperty::name).toList() + " -> " + fk.targetTable()
                        + fk.targetColumns());
                List<ColumnElement<Boolean>> terms = new ArrayList<>();
                for (int i = 0; i < fk.columns().size(); i++) {
                    terms.add(eq(mapper.attribute(fk.columns().get(i).name()), other.c(fk.targetColumns().get(i))));
                }
                conditions.add(Sql.and(terms));
            }
        }
        if (conditions.isEmpty()) {
            return null;
        }
        if (conditions.size() > 1) {
            throw new ArgumentError("Can't determine the join between " + mapper.entityName() + " ('" + name()
                    + "') and '" + referred.name() + "': " + mapper.entityName() + " has " + conditions.size()
                    + " foreign keys to it " + found + "; join along a relationship (join(User_.posts)) or give the "
                    + "ON clause explicitly: join(right, condition)");
        }
        return conditions.get(0);
    }

    private boolean refers(String table, String schema, TableClause referred) {
        return table.equals(referred.name())
                && (schema == null || referred.schema() == null || Objects.equals(schema, referred.schema()));
    }

    @SuppressWarnings("unchecked")
    private static ColumnElement<Boolean> eq(ColumnClause<?> left, ColumnClause<?> right) {
        return ((ColumnClause<Object>) left).eq((ColumnClause<Object>) right);
    }
}
