package org.jalchemy.orm.mapping;

import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.sql.FromClause;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a row of an inheritance hierarchy's selectable becomes an object (SQLAlchemy's polymorphic
 * loading): the discriminator column says which mapper the row is, and each mapper has the
 * positions of its properties in the row. Built once per mapper and loading style when its
 * {@link Hierarchy} is configured; immutable.
 *
 * <p>The first columns of every layout are the mapper's own properties, in mapper order, so a row
 * of the base mapper's columns needs no rearranging; subclass-only columns follow. A position of
 * -1 means the column is not in the row (a joined subclass's table under
 * {@code PolymorphicLoad.SELECTIN}): the property is {@linkplain Entry#missing() missing} and is
 * loaded afterwards, by one SELECT per subclass.
 */
public final class RowLayout {
    /** One mapper whose rows this layout can hold: where its properties are, and which are not there. */
    public record Entry(Mapper<?> mapper, int[] positions, long missing) {
        /** The row's values in {@link #mapper()}'s property order; missing ones are null. */
        public Object[] values(Object[] row) {
            Object[] out = new Object[positions.length];
            for (int i = 0; i < out.length; i++) {
                int p = positions[i];
                out[i] = p < 0 ? null : row[p];
            }
            return out;
        }
    }

    private final Mapper<?> mapper;
    private final FromClause selectable;
    private final int discriminator;
    private final Map<Object, Entry> byIdentity;
    private final Entry self;
    private final boolean missing;

    RowLayout(Mapper<?> mapper, FromClause selectable, int discriminator, Map<Object, Entry> byIdentity, Entry self) {
        this.mapper = mapper;
        this.selectable = selectable;
        this.discriminator = discriminator;
        this.byIdentity = new LinkedHashMap<>(byIdentity);
        this.self = self;
        boolean m = false;
        for (Entry e : byIdentity.values()) {
            m |= e.missing != 0L;
        }
        this.missing = m;
    }

    /** The mapper whose queries use this layout. */
    public Mapper<?> mapper() {
        return mapper;
    }

    /** What to select: the mapper's table, or an {@link EntityView}. */
    public FromClause selectable() {
        return selectable;
    }

    /** Number of columns of a row. */
    public int width() {
        return selectable.columns().size();
    }

    /** True when rows may be of subclasses (a discriminator decides). */
    public boolean polymorphic() {
        return discriminator >= 0;
    }

    /** True when some subclass's columns are not in the row and are loaded by a second SELECT. */
    public boolean hasMissing() {
        return missing;
    }

    /** Classes whose rows this layout reads, by polymorphic identity. */
    public List<Entry> entries() {
        return List.copyOf(byIdentity.values());
    }

    /**
     * The entry for a row: by its discriminator value; a row of the mapper itself (or a NULL
     * discriminator on a concrete mapper) is {@link #self}. An unknown value raises, naming it.
     */
    public Entry entry(Object[] row) {
        if (discriminator < 0) {
            return self;
        }
        Object id = row[discriminator];
        Entry e = id == null ? null : byIdentity.get(Hierarchy.normalize(id));
        if (e != null) {
            return e;
        }
        if (id == null && self != null) {
            return self;
        }
        throw new InvalidRequestError("A row of " + mapper.entityName() + " has polymorphic identity "
                + (id == null ? "NULL" : "'" + id + "'") + ", which no mapped class of its hierarchy declares; known "
                + "identities: " + byIdentity.keySet() + ". Map the class for it (list it in Registry.of(...)) or "
                + "correct the row");
    }

    @Override
    public String toString() {
        return "RowLayout[" + mapper.entityName() + ", " + width() + " columns, " + byIdentity.keySet()
                + (missing ? ", selectin" : "") + "]";
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        return p;
    }
}
