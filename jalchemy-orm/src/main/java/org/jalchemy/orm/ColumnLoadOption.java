package org.jalchemy.orm;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.mapping.Attribute;
import org.jalchemy.orm.mapping.Mapper;
import org.jalchemy.sql.ExecutableOption;

import java.util.List;

/**
 * Which columns of an entity a query loads (SQLAlchemy's {@code defer}, {@code undefer},
 * {@code load_only}), made by {@link Orm#defer}, {@link Orm#undefer} and {@link Orm#loadOnly} and
 * attached with {@code select(User.class).options(...)}. A deferred column is left out of the
 * SELECT (selected as NULL, so row layouts do not change) and its field stays unloaded: it holds
 * its Java default until {@code session.refresh(obj, attribute)} or a query that loads it meets
 * the row, and leaving it so is not a change (no UPDATE). Primary-key columns are always loaded.
 *
 * <p>Applies to the entity items of the statement it is attached to, not to relationship loads.
 * Immutable.
 */
public final class ColumnLoadOption implements ExecutableOption {
    /** What the option does with its attributes. */
    public enum Kind { DEFER, UNDEFER, LOAD_ONLY }

    private final Kind kind;
    private final Mapper<?> mapper;
    private final long mask;

    private ColumnLoadOption(Kind kind, Mapper<?> mapper, long mask) {
        this.kind = kind;
        this.mapper = mapper;
        this.mask = mask;
    }

    static ColumnLoadOption of(Kind kind, Attribute<?, ?>... attributes) {
        if (attributes.length == 0) {
            throw new ArgumentError(kind.name().toLowerCase(java.util.Locale.ROOT) + "() needs at least one attribute");
        }
        Mapper<?> m = attributes[0].mapper();
        long mask = 0L;
        for (Attribute<?, ?> a : attributes) {
            if (a.mapper() != m) {
                throw new ArgumentError("Column load options name attributes of one entity; got " + m.entityName()
                        + " and " + a.mapper().entityName() + " (use one option per entity)");
            }
            if (a.property().primaryKey() && kind == Kind.DEFER) {
                throw new ArgumentError("Cannot defer " + m.entityName() + "." + a.key() + ": it is part of the primary key");
            }
            if (a.property().index() >= 64) {
                throw new ArgumentError("Cannot defer " + m.entityName() + "." + a.key()
                        + ": only the first 64 columns of an entity can be deferred");
            }
            mask |= 1L << a.property().index();
        }
        return new ColumnLoadOption(kind, m, mask);
    }

    public Kind kind() {
        return kind;
    }

    public Mapper<?> mapper() {
        return mapper;
    }

    /** The columns this option leaves unloaded, given those unloaded before it (the mapper's deferred ones first). */
    public long apply(long unloaded) {
        return switch (kind) {
            case DEFER -> unloaded | mask;
            case UNDEFER -> unloaded & ~mask;
            case LOAD_ONLY -> {
                long all = 0L;
                for (var p : mapper.properties()) {
                    if (!p.primaryKey() && p.index() < 64) {
                        all |= 1L << p.index();
                    }
                }
                yield all & ~mask;
            }
        };
    }

    @Override
    public String toString() {
        List<String> names = new java.util.ArrayList<>();
        for (var p : mapper.properties()) {
            if (p.index() < 64 && (mask & (1L << p.index())) != 0) {
                names.add(mapper.entityName() + "." + p.name());
            }
        }
        return kind.name().toLowerCase(java.util.Locale.ROOT) + names;
    }
}
