package org.jalchemy.orm;

import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;
import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.ColumnElement;
import org.jalchemy.sql.Row1;
import org.jalchemy.sql.Select;
import org.jalchemy.sql.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy query API (SQLAlchemy's {@code session.query(User)}) as guide chapters 5 and 8 use
 * it: {@code session.query(User.class).filterBy("email", "ana@example.com").first()}. A thin,
 * immutable builder over the Core {@code Orm.select(User.class)} it wraps ({@link #statement()}):
 * every refining method returns a new query. Runs on its session (autoflush first) and returns
 * objects through the identity map.
 */
public final class Query<E> {
    private final Session session;
    private final Mapper<E> mapper;
    private final Select<Row1<E>> select;
    private final List<ColumnElement<Boolean>> criteria;
    private final List<String> described;

    Query(Session session, Mapper<E> mapper) {
        this(session, mapper, Orm.select(mapper.type()), List.of(), List.of());
    }

    private Query(Session session, Mapper<E> mapper, Select<Row1<E>> select, List<ColumnElement<Boolean>> criteria,
                  List<String> described) {
        this.session = session;
        this.mapper = mapper;
        this.select = select;
        this.criteria = criteria;
        this.described = described;
    }

    /** The Core SELECT this query runs. */
    public Select<Row1<E>> statement() {
        return select;
    }

    /** Adds {@code attribute = value} ({@code IS NULL} for null); the name is checked against the mapping. */
    public Query<E> filterBy(String attribute, Object value) {
        Attribute<E, Object> a = mapper.attribute(attribute);
        ColumnElement<Boolean> c = value == null ? a.isNull() : a.eqAny(value);
        List<String> d = new ArrayList<>(described);
        d.add(attribute + "=" + value);
        return where(c, d);
    }

    /** {@link #filterBy(String, Object)} for each entry, in the map's iteration order. */
    public Query<E> filterBy(Map<String, ?> values) {
        Query<E> q = this;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            q = q.filterBy(e.getKey(), e.getValue());
        }
        return q;
    }

    /** Loader options for relationships ({@code options(selectinload(User_.posts))}). */
    public Query<E> options(LoaderOption<?>... options) {
        return new Query<>(session, mapper, select.options(options), criteria, described);
    }

    /** Adds {@code attribute = value} with a metamodel attribute ({@code User_.email}). */
    public <T> Query<E> filterBy(Attribute<E, T> attribute, T value) {
        return filterBy(attribute.key(), value);
    }

    /** Adds criteria written with the expression language: {@code filter(User_.id.gt(5))}. */
    @SafeVarargs
    public final Query<E> filter(ColumnElement<Boolean>... conditions) {
        Query<E> q = this;
        for (ColumnElement<Boolean> c : conditions) {
            List<String> d = new ArrayList<>(q.described);
            d.add(c.toString());
            q = q.where(c, d);
        }
        return q;
    }

    private Query<E> where(ColumnElement<Boolean> c, List<String> d) {
        List<ColumnElement<Boolean>> cs = new ArrayList<>(criteria);
        cs.add(c);
        return new Query<>(session, mapper, select.where(c), List.copyOf(cs), List.copyOf(d));
    }

    /** Orders by attributes (ascending) given by name. */
    public Query<E> orderBy(String attribute) {
        return orderBy(mapper.attribute(attribute));
    }

    /** Orders by an attribute, descending. */
    public Query<E> orderByDesc(String attribute) {
        return orderBy(mapper.attribute(attribute).desc());
    }

    public Query<E> orderByDesc(Attribute<E, ?> attribute) {
        return orderBy(attribute.desc());
    }

    /** Orders by expressions: {@code orderBy(User_.username)}, {@code orderBy(desc(User_.id))}. */
    public Query<E> orderBy(ColumnElement<?>... order) {
        return new Query<>(session, mapper, select.orderBy(order), criteria, described);
    }

    public Query<E> limit(int n) {
        return new Query<>(session, mapper, select.limit(n), criteria, described);
    }

    public Query<E> offset(int n) {
        return new Query<>(session, mapper, select.offset(n), criteria, described);
    }

    /** Every matching object. */
    public List<E> all() {
        return session.scalars(select).all();
    }

    /** The first matching object (LIMIT 1), or empty. */
    public Optional<E> first() {
        return session.scalars(select.limit(1)).first();
    }

    /** Exactly one object, else {@link NoResultFound} / {@link MultipleResultsFound} naming the entity. */
    public E one() {
        E e = oneOrNone();
        if (e == null) {
            throw new NoResultFound("No " + mapper.entityName() + " was found when one was required" + describe());
        }
        return e;
    }

    /** One object or null; {@link MultipleResultsFound} naming the entity when there are more. */
    public E oneOrNone() {
        List<E> r = session.scalars(select.limit(2)).all();
        if (r.size() > 1) {
            throw new MultipleResultsFound("Multiple " + mapper.entityName() + " rows were found when one or none was "
                    + "required" + describe());
        }
        return r.isEmpty() ? null : r.get(0);
    }

    /** {@code SELECT count(*) FROM table WHERE ...} (ignores ordering, limit and offset). */
    public long count() {
        Select<Row1<Long>> count = Sql.select(Sql.func.count()).selectFrom(mapper.ownSelectable());
        ColumnElement<Boolean> discriminator = mapper.discriminatorCriterion(mapper.table());
        if (discriminator != null) {
            count = count.where(discriminator);
        }
        for (ColumnElement<Boolean> c : criteria) {
            count = count.where(c);
        }
        Long n = session.scalar(count);
        return n;
    }

    /** {@code session.get(type, id)}: the identity map first, then a SELECT by primary key. */
    public Optional<E> get(Object id) {
        return session.get(mapper.type(), id);
    }

    private String describe() {
        return described.isEmpty() ? "" : " (" + String.join(", ", described) + ")";
    }

    @Override
    public String toString() {
        return "Query(" + mapper.entityName() + describe() + ")";
    }
}
