package org.jalchemy.sql;

import org.jalchemy.exc.ArgumentError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A FROM clause that stands for another ({@link #target()}) and knows how it is joined: what an
 * upper layer passes to {@code join()} when the join condition is not a foreign key of two tables
 * but something it knows (the ORM's relationships: {@code select(User.class).join(User_.posts)}).
 *
 * <p>A {@link Join} never holds a JoinTarget: it joins {@link #target()}, with the ON clause from
 * {@link #onClause(FromClause)} unless one is given, and through {@link #secondary()} first when
 * the target is reached through an association table. So the SQL, the cache key and the FROM list
 * see only ordinary tables and aliases. Used anywhere else (in {@code select()}), it behaves as
 * its target. Subclasses are immutable.
 */
public abstract class JoinTarget extends FromClause {

    /** The table or alias the join adds. */
    public abstract FromClause target();

    /**
     * The ON clause joining {@link #secondary()} (when there is one, else {@link #target()}) to
     * {@code leftPart}, one of the tables or aliases of the join's left side, or null when this
     * target does not join to {@code leftPart}.
     */
    protected abstract ColumnElement<Boolean> onClause(FromClause leftPart);

    /** An association table joined between the left side and the target (many-to-many), or null. */
    public FromClause secondary() {
        return null;
    }

    /** With a {@link #secondary()}: the ON clause joining the target to it. */
    protected ColumnElement<Boolean> targetOnClause() {
        throw new ArgumentError(describe() + " has no association table");
    }

    /** What messages call it ({@code relationship User.posts}). */
    protected String description() {
        return getClass().getSimpleName();
    }

    /** The ON clause from the most recently joined part of {@code left} this target joins to. */
    ColumnElement<Boolean> inferOn(FromClause left) {
        Set<FromClause> parts = new LinkedHashSet<>();
        left.collectSelfAndParts(parts);
        List<FromClause> candidates = new ArrayList<>(parts);
        for (int i = candidates.size() - 1; i >= 0; i--) {
            ColumnElement<Boolean> on = onClause(candidates.get(i));
            if (on != null) {
                return on;
            }
        }
        throw new ArgumentError("Can't join " + description() + " from " + left.describe()
                + ": none of its tables is where it starts; join its parent first, or start from an alias with from(alias)");
    }

    @Override
    public List<? extends ColumnClause<?>> columns() {
        return target().columns();
    }

    @Override
    String describe() {
        return description();
    }

    @Override
    void collectSelfAndParts(Set<FromClause> out) {
        target().collectSelfAndParts(out);
    }

    @Override
    void collectFroms(Set<FromClause> out) {
        target().collectFroms(out);
    }

    @Override
    void compileTo(SqlCompiler c) {
        target().compileTo(c);
    }

    @Override
    void keyTo(KeyBuilder k) {
        target().keyTo(k);
    }

    @Override
    public String toString() {
        return description();
    }
}
