package org.jalchemy.orm.mapping;

import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.FromView;

import java.util.List;

/**
 * The FROM clause an entity of an inheritance hierarchy is loaded from when its table alone will
 * not do (SQLAlchemy's {@code mapper.with_polymorphic} selectable): for a joined subclass the join
 * of its tables ({@code employees JOIN managers ON ...}), for a base class loading its subclasses
 * inline the same with {@code LEFT OUTER JOIN}s of the subclass tables, for a single-table subclass
 * the base table exporting only its columns, for a concrete-table base the UNION ALL of its
 * classes' tables under the base table's name. {@code Orm.select(Manager.class)} selects it; the
 * session recognises it among a statement's items ({@link #mapper()}) and reads its columns
 * through the mapper's {@link RowLayout}. Immutable.
 */
public final class EntityView<E> extends FromView {
    private final Mapper<E> mapper;

    EntityView(Mapper<E> mapper, FromClause element, List<? extends ColumnClause<?>> columns,
               List<? extends FromClause> covered) {
        super(element, columns, covered);
        this.mapper = mapper;
    }

    /** The entity whose rows (and its subclasses' rows) this view selects. */
    public Mapper<E> mapper() {
        return mapper;
    }

    @Override
    public String toString() {
        return mapper.entityName() + " view of " + element();
    }
}
