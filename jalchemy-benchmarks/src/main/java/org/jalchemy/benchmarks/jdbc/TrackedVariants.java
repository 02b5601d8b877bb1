package org.jalchemy.benchmarks.jdbc;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Data;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.benchmarks.orm.OrmVariants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Session floors: three JDBC floors of {@link JdbcVariants} ({@code jdbc_objects},
 * {@code jdbc_returning}, {@code handwritten_joined}) plus the least bookkeeping any session over
 * plain, uninstrumented classes must do for the same objects, written by hand. Such a session
 * cannot be told of a change, so it keeps a copy of each object's values as loaded or written
 * (its {@code Object[]} row) to compare at flush; it returns one object per key, so it keeps an
 * identity map from key to object and consults it before building an object from a row; and it
 * must refuse an object added twice, which for a new object (no key yet) takes a set by object
 * identity, hence the object's identity hash code.
 *
 * <p>Each piece is kept below what a real session can do, so that these are lower bounds:
 * tables are sized up front for the workload's n (a session does not know it and grows them), the
 * copy sits in the identity map's slot beside the object (no per-object state), there is no
 * collection bookkeeping, no events, no type coercion, no flush ordering. When one of these is
 * above a target's bound, no session over plain classes can meet that bound, whatever its code
 * (only instrumenting the classes, as SQLAlchemy's attribute instrumentation or Hibernate's
 * bytecode enhancement do, removes the copy and the identity lookups); when it is below, what
 * separates jalchemy from it is jalchemy's own per-object machinery, not the plain classes. Not
 * targets' floors ({@link org.jalchemy.benchmarks.Targets} keeps the JDBC ones): reported beside
 * them.
 */
public final class TrackedVariants {
    private TrackedVariants() {
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.LARGE_RESULTSETS, "jdbc_tracked", TrackedVariants::largeResultsets),
                Variant.of(Workload.BULK_INSERTS, "jdbc_returning_tracked", TrackedVariants::bulkInserts),
                Variant.of(Workload.LOADERS, "handwritten_joined_tracked", TrackedVariants::loadersJoined));
    }

    /** {@code jdbc_objects} plus, per row: the row kept as the object's copy, and an identity-map probe and insert. */
    static long largeResultsets(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        KeyMap byKey = new KeyMap(n);
        List<OrmVariants.LrCustomer> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description FROM lr_customer");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = {rs.getInt(1), rs.getString(2), rs.getString(3)};
                Object id = row[0];
                OrmVariants.LrCustomer o = (OrmVariants.LrCustomer) byKey.get(id);
                if (o == null) {
                    o = new OrmVariants.LrCustomer();
                    o.id = (Integer) row[0];
                    o.name = (String) row[1];
                    o.description = (String) row[2];
                    byKey.put(id, o, row);
                }
                all.add(o);
            }
        }
        c.commit();
        long sum = 0;
        for (OrmVariants.LrCustomer o : all) {
            sum += Checksums.row(o.id, o.name, o.description);
        }
        return sum;
    }

    /**
     * {@code jdbc_returning} plus: each object entered in an identity set (refusing one added
     * twice), its values copied into an {@code Object[]} that the statement is bound from, and, once
     * its key is back, the key written into the copy and the object into the identity map.
     */
    static long bulkInserts(BenchBackend b, int n) throws Exception {
        List<JdbcVariants.NewCustomer> objects = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            objects.add(new JdbcVariants.NewCustomer(Data.name(i), Data.description(i)));
        }
        IdentitySet added = new IdentitySet(n);
        List<JdbcVariants.NewCustomer> pending = new ArrayList<>(n);
        for (JdbcVariants.NewCustomer o : objects) {
            if (added.add(o)) {
                pending.add(o);
            }
        }
        KeyMap byKey = new KeyMap(n);
        Connection c = b.jdbc();
        PreparedStatement full = null;
        Object[][] copies = new Object[JdbcVariants.RETURNING_PAGE][];
        try {
            for (int from = 0; from < pending.size(); from += JdbcVariants.RETURNING_PAGE) {
                int rows = Math.min(JdbcVariants.RETURNING_PAGE, pending.size() - from);
                PreparedStatement ps;
                if (rows == JdbcVariants.RETURNING_PAGE) {
                    if (full == null) {
                        full = c.prepareStatement(JdbcVariants.multiRowInsert(rows));
                    }
                    ps = full;
                } else {
                    ps = c.prepareStatement(JdbcVariants.multiRowInsert(rows));
                }
                int k = 1;
                for (int i = 0; i < rows; i++) {
                    JdbcVariants.NewCustomer o = pending.get(from + i);
                    Object[] copy = {null, o.name, o.description};
                    copies[i] = copy;
                    ps.setString(k++, (String) copy[1]);
                    ps.setString(k++, (String) copy[2]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int i = 0;
                    while (rs.next()) {
                        Integer id = rs.getInt(1);
                        JdbcVariants.NewCustomer o = pending.get(from + i);
                        o.id = id;
                        copies[i][0] = id;
                        byKey.put(id, o, copies[i]);
                        i++;
                    }
                }
                if (ps != full) {
                    ps.close();
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        c.commit();
        if (byKey.size() != pending.size()) {
            throw new IllegalStateException("identity map holds " + byKey.size() + " of " + pending.size() + " objects");
        }
        return objects.get(n - 1).id;
    }

    /**
     * {@code handwritten_joined} plus: per parent and per child row, an identity-map probe, and for
     * an object not seen yet, its row as its copy and an identity-map insert (parents and children
     * in maps of their own).
     */
    static long loadersJoined(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        KeyMap parentsByKey = new KeyMap(n);
        KeyMap childrenByKey = new KeyMap(n * Data.CHILDREN_PER_PARENT);
        List<JdbcVariants.Parent> parents = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement(JdbcVariants.JOINED_SQL);
             ResultSet rs = ps.executeQuery()) {
            JdbcVariants.Parent current = null;
            while (rs.next()) {
                int id = rs.getInt(1);
                if (current == null || current.id() != id) {
                    Integer key = id;
                    current = (JdbcVariants.Parent) parentsByKey.get(key);
                    if (current == null) {
                        Object[] row = {key, rs.getString(2)};
                        current = new JdbcVariants.Parent(id, (String) row[1], new ArrayList<>());
                        parentsByKey.put(key, current, row);
                    }
                    parents.add(current);
                }
                int childId = rs.getInt(3);
                if (!rs.wasNull()) {
                    Integer key = childId;
                    JdbcVariants.Child child = (JdbcVariants.Child) childrenByKey.get(key);
                    if (child == null) {
                        Object[] row = {key, rs.getInt(4), rs.getString(5)};
                        child = new JdbcVariants.Child(childId, (Integer) row[1], (String) row[2]);
                        childrenByKey.put(key, child, row);
                    }
                    current.children().add(child);
                }
            }
        }
        c.commit();
        return JdbcVariants.checksum(parents);
    }

    /**
     * An identity map at its smallest: keys, objects and the objects' copies in three parallel
     * arrays, open-addressed by the key's hash code (folded as {@code HashMap} folds it), at most
     * three quarters full, sized once for the expected entries (it doubles only if given more, so
     * it stays right for any input); no removal.
     */
    static final class KeyMap {
        private Object[] keys;
        private Object[] objects;
        private Object[][] copies;
        private int mask;
        private int size;

        KeyMap(int entries) {
            allocate(capacityFor(entries));
        }

        private void allocate(int capacity) {
            keys = new Object[capacity];
            objects = new Object[capacity];
            copies = new Object[capacity][];
            mask = capacity - 1;
        }

        private int home(Object key) {
            int h = key.hashCode();
            return (h ^ (h >>> 16)) & mask;
        }

        Object get(Object key) {
            for (int i = home(key); keys[i] != null; i = (i + 1) & mask) {
                if (keys[i].equals(key)) {
                    return objects[i];
                }
            }
            return null;
        }

        /** Enters a key known to be absent. */
        void put(Object key, Object object, Object[] copy) {
            if ((size + 1) * 4L > keys.length * 3L) {
                Object[] oldKeys = keys;
                Object[] oldObjects = objects;
                Object[][] oldCopies = copies;
                allocate(keys.length * 2);
                for (int j = 0; j < oldKeys.length; j++) {
                    if (oldKeys[j] != null) {
                        place(oldKeys[j], oldObjects[j], oldCopies[j]);
                    }
                }
            }
            place(key, object, copy);
            size++;
        }

        private void place(Object key, Object object, Object[] copy) {
            int i = home(key);
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            objects[i] = object;
            copies[i] = copy;
        }

        int size() {
            return size;
        }
    }

    /** Slots for {@code entries} at most three quarters full: a power of two, at least 16. */
    static int capacityFor(int entries) {
        return Math.max(16, Integer.highestOneBit(Math.max(1, (entries * 4 + 2) / 3 - 1)) << 1);
    }

    /**
     * A set by object identity at its smallest: one array, open-addressed by identity hash code,
     * sized once for the objects to come (it doubles only if given more).
     */
    static final class IdentitySet {
        private Object[] slots;
        private int size;

        IdentitySet(int entries) {
            slots = new Object[capacityFor(entries)];
        }

        /** False when {@code o} is in already. */
        boolean add(Object o) {
            int mask = slots.length - 1;
            int h = System.identityHashCode(o);
            int i = (h ^ (h >>> 16)) & mask;
            while (slots[i] != null) {
                if (slots[i] == o) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = o;
            if (++size * 4L > slots.length * 3L) {
                Object[] old = slots;
                slots = new Object[old.length * 2];
                size = 0;
                for (Object x : old) {
                    if (x != null) {
                        add(x);
                    }
                }
            }
            return true;
        }
    }
}
