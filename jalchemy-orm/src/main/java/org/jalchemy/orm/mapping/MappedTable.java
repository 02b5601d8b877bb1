package org.jalchemy.orm.mapping;

import org.jalchemy.sql.TableClause;

import java.util.List;

/**
 * The Core FROM clause of an entity: a lightweight table whose columns are the mapper's
 * {@link Attribute}s, in mapping order. {@code Orm.select(User.class)} is a Core
 * {@code select(...)} of this table; the session recognises it among a statement's raw columns
 * and turns those columns of each row into an entity.
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

    MappedTable(Mapper<E> mapper, String name, String schema) {
        super(name, schema);
        this.mapper = mapper;
    }

    void init(List<Attribute<E, ?>> columns, List<Attribute<E, ?>> primaryKey) {
        this.columns = List.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
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
}
