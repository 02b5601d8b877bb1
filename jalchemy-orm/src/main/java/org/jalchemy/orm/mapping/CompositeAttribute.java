package org.jalchemy.orm.mapping;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.Sql;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code @Embedded} record attribute of an entity — what the metamodel's {@code Shape_.start}
 * is — comparable in queries as a whole: {@code eq(new Point(1, 2))} is
 * {@code start_x = ? AND start_y = ?} ({@code IS NULL} for each component of a null record),
 * {@code ne} its negation; {@link #component} gives one column for anything else. Resolves its
 * mapper lazily, so loading {@code Shape_} maps nothing. Immutable.
 *
 * @param <E> the entity
 * @param <R> the record type
 */
public final class CompositeAttribute<E, R> {
    private final Class<E> entity;
    private final String name;
    private final Class<R> type;
    private final FromClause from; // null: the entity's table

    private CompositeAttribute(Class<E> entity, String name, Class<R> type, FromClause from) {
        this.entity = entity;
        this.name = name;
        this.type = type;
        this.from = from;
    }

    /** The {@code @Embedded} attribute {@code name} of {@code entity} (what {@code Shape_} calls). */
    public static <E, R> CompositeAttribute<E, R> of(Class<E> entity, String name, Class<R> type) {
        return new CompositeAttribute<>(entity, name, type, null);
    }

    /** The same attribute read from {@code alias} of the entity ({@code Orm.aliased(Shape.class)}). */
    public CompositeAttribute<E, R> of(FromClause alias) {
        return new CompositeAttribute<>(entity, name, type, alias);
    }

    private Mapper.Composite composite() {
        Mapper.Composite c = Mapper.of(entity).composite(name);
        if (c.recordType() != type) {
            throw new ArgumentError("Attribute " + entity.getSimpleName() + "." + name + " holds "
                    + c.recordType().getName() + " (is the generated metamodel stale? rebuild)");
        }
        return c;
    }

    /** The columns of the components, in component order. */
    public List<ColumnClause<?>> columns() {
        List<ColumnClause<?>> out = new ArrayList<>();
        Mapper<E> m = Mapper.of(entity);
        for (ColumnProperty p : composite().components()) {
            Attribute<E, ?> a = m.attribute(p.name());
            out.add(from == null ? a : from.c(a));
        }
        return out;
    }

    /** The column of component {@code component} ({@code Shape_.start.component("x")}). */
    public ColumnClause<?> component(String component) {
        List<ColumnProperty> parts = composite().components();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).name().equals(name + Character.toUpperCase(component.charAt(0)) + component.substring(1))) {
                return columns().get(i);
            }
        }
        throw new ArgumentError(type.getSimpleName() + " has no component '" + component + "'");
    }

    /** Every component equal ({@code IS NULL} for a null record). */
    public ColumnElement<Boolean> eq(R value) {
        Object[] v = composite().values(value);
        List<ColumnClause<?>> cols = columns();
        List<ColumnElement<Boolean>> terms = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            terms.add(cols.get(i).eqAny(v[i]));
        }
        return Sql.and(terms);
    }

    /** {@code NOT (eq(value))}. */
    public ColumnElement<Boolean> ne(R value) {
        return Sql.not(eq(value));
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return entity.getSimpleName() + "." + name;
    }
}
