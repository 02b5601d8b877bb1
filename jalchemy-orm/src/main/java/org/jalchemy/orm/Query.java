package org.jalchemy.orm;

import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;
import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.orm.unitofwork.Criterion;
import org.jalchemy.orm.unitofwork.Ordering;
import org.jalchemy.sql.Compiled;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The legacy query API (SQLAlchemy's {@code session.query(User)}) as guide chapters 5 and 8 use
 * it: {@code session.query(User.class).filterBy("email", "ana@example.com").first()}.
 * Immutable: every refining method returns a new query. Runs on its session (autoflush first)
 * and returns objects through the identity map.
 */
public final class Query<E> {
    private final Session session;
    private final Mapper<E> mapper;
    private final List<Criterion> where;
    private final List<Ordering> orderBy;
    private final Integer limit;
    private final Integer offset;

    Query(Session session, Mapper<E> mapper) {
        this(session, mapper, List.of(), List.of(), null, null);
    }

    private Query(Session session, Mapper<E> mapper, List<Criterion> where, List<Ordering> orderBy, Integer limit,
                  Integer offset) {
        this.session = session;
        this.mapper = mapper;
        this.where = where;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    /** Adds {@code attribute = value} ({@code IS NULL} for null); names are checked against the mapping. */
    public Query<E> filterBy(String attribute, Object value) {
        List<Criterion> w = new ArrayList<>(where);
        w.add(new Criterion(mapper.property(attribute), value));
        return new Query<>(session, mapper, List.copyOf(w), orderBy, limit, offset);
    }

    /** {@link #filterBy(String, Object)} for each entry, in the map's iteration order. */
    public Query<E> filterBy(Map<String, ?> criteria) {
        Query<E> q = this;
        for (Map.Entry<String, ?> e : criteria.entrySet()) {
            q = q.filterBy(e.getKey(), e.getValue());
        }
        return q;
    }

    /** Adds {@code attribute = value} with a metamodel attribute ({@code User_.email}). */
    public <T> Query<E> filterBy(Attribute<E, T> attribute, T value) {
        return filterBy(attribute.name(), value);
    }

    /** Orders by an attribute, ascending. */
    public Query<E> orderBy(String attribute) {
        return order(attribute, false);
    }

    /** Orders by an attribute, descending. */
    public Query<E> orderByDesc(String attribute) {
        return order(attribute, true);
    }

    public Query<E> orderBy(Attribute<E, ?> attribute) {
        return order(attribute.name(), false);
    }

    public Query<E> orderByDesc(Attribute<E, ?> attribute) {
        return order(attribute.name(), true);
    }

    private Query<E> order(String attribute, boolean desc) {
        List<Ordering> o = new ArrayList<>(orderBy);
        o.add(new Ordering(mapper.property(attribute), desc));
        return new Query<>(session, mapper, where, List.copyOf(o), limit, offset);
    }

    public Query<E> limit(int n) {
        return new Query<>(session, mapper, where, orderBy, n, offset);
    }

    public Query<E> offset(int n) {
        return new Query<>(session, mapper, where, orderBy, limit, n);
    }

    /** Every matching object. */
    public List<E> all() {
        return run(limit);
    }

    /** The first matching object (LIMIT 1), or empty. */
    public Optional<E> first() {
        List<E> r = run(1);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
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
        List<E> r = run(limit == null ? 2 : Math.min(limit, 2));
        if (r.size() > 1) {
            throw new MultipleResultsFound("Multiple " + mapper.entityName() + " rows were found when one or none was "
                    + "required" + describe());
        }
        return r.isEmpty() ? null : r.get(0);
    }

    /** {@code SELECT COUNT(*)} of the matching rows (ignores ordering, limit and offset). */
    public long count() {
        session.autoflush();
        Compiled c = session.statements.count(session.dialect, mapper, where);
        Object n = session.connection().executeCompiled(c, whereValues(List.of())).scalar();
        return ((Number) n).longValue();
    }

    /** {@code session.get(type, id)}: the identity map first, then a SELECT by primary key. */
    public Optional<E> get(Object id) {
        return session.get(mapper.type(), id);
    }

    private List<E> run(Integer lim) {
        session.autoflush();
        Compiled c = session.statements.select(session.dialect, mapper, where, orderBy, lim != null, offset != null);
        List<Object> extra = new ArrayList<>(2);
        if (lim != null) {
            extra.add(lim);
        }
        if (offset != null) {
            extra.add(offset);
        }
        return session.load(mapper, c, whereValues(extra));
    }

    private Object[] whereValues(List<Object> extra) {
        List<Object> v = new ArrayList<>(where.size() + extra.size());
        for (Criterion c : where) {
            if (c.value() != null) {
                v.add(c.value());
            }
        }
        v.addAll(extra);
        return v.toArray();
    }

    private String describe() {
        if (where.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        for (int i = 0; i < where.size(); i++) {
            Criterion c = where.get(i);
            sb.append(i == 0 ? "" : ", ").append(c.property().name()).append('=').append(Objects.toString(c.value()));
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return "Query(" + mapper.entityName() + describe() + ")";
    }
}
