package org.jalchemy.orm;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.mapping.RelationshipAttribute;
import org.jalchemy.orm.mapping.RelationshipProperty;
import org.jalchemy.sql.ExecutableOption;
import org.jalchemy.sql.FromClause;

import java.util.ArrayList;
import java.util.List;

/**
 * A loader option (SQLAlchemy's {@code selectinload(User.posts)} and friends): for one query,
 * how a relationship is loaded, overriding its {@code lazy} default. Built by the static
 * factories in {@link Orm} and attached with {@code select(User.class).options(...)} or
 * {@code query.options(...)}. Chaining continues the path from the related entity:
 * {@code selectinload(User_.posts).joinedload(Post_.comments)} loads users' posts by selectin,
 * and those posts' comments by a join in the posts query.
 *
 * <p>Immutable: chaining returns a new option. A path is a list of (relationship, strategy)
 * steps; each step must start at the entity where the previous one ends.
 *
 * @param <T> the entity the path ends at (where a chained option continues)
 */
public final class LoaderOption<T> implements ExecutableOption {
    /** How a relationship is loaded. */
    public enum Strategy {
        /** On access (collections); with the parent, batched (single references). */
        LAZY,
        /** LEFT OUTER JOIN in the parent's statement. */
        JOINED,
        /** One {@code IN} query per 1000 parents, after the parents. */
        SELECTIN,
        /** Access raises (collections); single references are left unloaded. */
        RAISE,
        /** Not loaded (empty collection, null reference). */
        NOLOAD,
        /** Filled from the columns of an explicit join already in the statement. */
        CONTAINS_EAGER
    }

    /**
     * One step of a path; {@code alias} is the aliased target a {@code containsEager} reads its
     * columns from ({@code containsEager(User_.posts.to(p))}), null for the target's table.
     */
    public record Step(RelationshipProperty relationship, Strategy strategy, FromClause alias) {
        public Step(RelationshipProperty relationship, Strategy strategy) {
            this(relationship, strategy, null);
        }
    }

    private final List<Step> path;

    private LoaderOption(List<Step> path) {
        this.path = List.copyOf(path);
    }

    static <T> LoaderOption<T> of(RelationshipAttribute<?, T> attribute, Strategy strategy) {
        FromClause target = attribute.target();
        FromClause alias = target instanceof org.jalchemy.orm.mapping.MappedTable<?> ? null : target;
        if (alias != null && strategy != Strategy.CONTAINS_EAGER) {
            throw new ArgumentError(attribute + ".to(alias) names an alias for containsEager; "
                    + strategy.name().toLowerCase(java.util.Locale.ROOT) + " loads the target's own table");
        }
        return new LoaderOption<>(List.of(new Step(attribute.property(), strategy, alias)));
    }

    private <U> LoaderOption<U> then(RelationshipAttribute<T, U> attribute, Strategy strategy) {
        RelationshipProperty p = attribute.property();
        RelationshipProperty last = path.get(path.size() - 1).relationship();
        if (p.owner().type() != last.targetType()) {
            throw new ArgumentError("Loader path " + this + " ends at " + last.targetType().getSimpleName()
                    + "; cannot continue with " + p.where());
        }
        List<Step> next = new ArrayList<>(path);
        next.add(new Step(p, strategy));
        return new LoaderOption<>(next);
    }

    /** Continues the path: the related objects' {@code attribute} loaded by selectin. */
    public <U> LoaderOption<U> selectinload(RelationshipAttribute<T, U> attribute) {
        return then(attribute, Strategy.SELECTIN);
    }

    /** Continues the path with a joined load. */
    public <U> LoaderOption<U> joinedload(RelationshipAttribute<T, U> attribute) {
        return then(attribute, Strategy.JOINED);
    }

    /** Continues the path with a lazy load. */
    public <U> LoaderOption<U> lazyload(RelationshipAttribute<T, U> attribute) {
        return then(attribute, Strategy.LAZY);
    }

    /** Continues the path with raise-on-access. */
    public <U> LoaderOption<U> raiseload(RelationshipAttribute<T, U> attribute) {
        return then(attribute, Strategy.RAISE);
    }

    /** Continues the path with no loading. */
    public <U> LoaderOption<U> noload(RelationshipAttribute<T, U> attribute) {
        return then(attribute, Strategy.NOLOAD);
    }

    public Step first() {
        return path.get(0);
    }

    /** The path without its first step, or null when it has one step. */
    public LoaderOption<?> rest() {
        return path.size() == 1 ? null : new LoaderOption<>(path.subList(1, path.size()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step s : path) {
            String name = switch (s.strategy()) {
                case LAZY -> "lazyload";
                case JOINED -> "joinedload";
                case SELECTIN -> "selectinload";
                case RAISE -> "raiseload";
                case NOLOAD -> "noload";
                case CONTAINS_EAGER -> "containsEager";
            };
            sb.append(sb.isEmpty() ? "" : ".").append(name).append('(').append(s.relationship().where()).append(')');
        }
        return sb.toString();
    }
}
