package org.jalchemy.benchmarks.memory;

import org.jalchemy.benchmarks.BenchBackend;
import org.jalchemy.benchmarks.Checksums;
import org.jalchemy.benchmarks.Variant;
import org.jalchemy.benchmarks.Workload;
import org.jalchemy.orm.Orm;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.annotations.Column;
import org.jalchemy.orm.annotations.Entity;
import org.jalchemy.orm.annotations.Id;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The memory workload (bytes retained per loaded object, {@link Retained}): {@code plain_list},
 * the baseline, reads the n rows of {@code mm_customer} with JDBC into plain objects in an
 * {@code ArrayList}; {@code orm} loads them as entities into an open jalchemy session
 * ({@code scalars(select(MmCustomer.class)).all()}: identity map, states, snapshots); Hibernate's
 * session is {@code HibernateVariants}' {@code hibernate_session}. Same eight fields everywhere
 * (an Integer key, two Strings, five Integers), so the differences are the session's bookkeeping.
 *
 * <p>{@code plain_tracked} is the floor of any session over plain classes (no bytecode
 * instrumentation, as DESIGN.md prescribes): the same plain objects, plus what such a session
 * cannot do without: a copy of each object's loaded values (a change is found by comparing the
 * fields with it at flush) and an identity map from key to object. Both are kept as small as
 * they can be, so that the floor is a lower bound: the copy is an {@code Object[]} of the eight
 * values (sharing the value objects, as the fields do), and the identity map is one array of
 * objects, open-addressed by key and at most three quarters full, whose slots hold the objects
 * themselves (a lookup compares the object's own key), so an entry costs one reference.
 */
public final class MemoryVariants {
    private static final Map<BenchBackend, SessionFactory> FACTORIES = new ConcurrentHashMap<>();

    private MemoryVariants() {
    }

    /** A row of mm_customer as a plain object. */
    public static final class Plain {
        final Integer id;
        final String name;
        final String description;
        final Integer q;
        final Integer p;
        final Integer x;
        final Integer y;
        final Integer z;

        Plain(Integer id, String name, String description, Integer q, Integer p, Integer x, Integer y, Integer z) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.q = q;
            this.p = p;
            this.x = x;
            this.y = y;
            this.z = z;
        }
    }

    /** A row of mm_customer as a jalchemy entity. */
    @Entity(table = "mm_customer")
    public static class MmCustomer {
        @Id @Column public Integer id;
        @Column(length = 255) public String name;
        @Column(length = 255) public String description;
        @Column public Integer q;
        @Column public Integer p;
        @Column public Integer x;
        @Column public Integer y;
        @Column public Integer z;

        public MmCustomer() {
        }
    }

    public static List<Variant> all() {
        return List.of(
                Variant.of(Workload.MEMORY, "plain_list", MemoryVariants::plainList),
                Variant.of(Workload.MEMORY, "plain_tracked", MemoryVariants::plainTracked),
                Variant.of(Workload.MEMORY, "orm", MemoryVariants::orm));
    }

    static long plainList(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        return Retained.perObject(n, () -> {
            List<Plain> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description, q, p, x, y, z FROM mm_customer");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Plain(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7), rs.getInt(8)));
                }
            }
            c.commit();
            return new Retained.Loaded() {
                @Override
                public long checksum() {
                    long sum = 0;
                    for (Plain o : list) {
                        sum += Checksums.customer(o.id, o.name, o.q);
                    }
                    return sum;
                }

                @Override
                public void close() {
                    list.clear();
                }
            };
        });
    }

    static long plainTracked(BenchBackend b, int n) throws Exception {
        Connection c = b.jdbc();
        return Retained.perObject(n, () -> {
            List<Plain> list = new ArrayList<>();
            List<Object[]> loaded = new ArrayList<>(n); // sized: one reference per object, as a state holds its copy
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, description, q, p, x, y, z FROM mm_customer");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Plain o = new Plain(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7), rs.getInt(8));
                    list.add(o);
                    loaded.add(new Object[] {o.id, o.name, o.description, o.q, o.p, o.x, o.y, o.z});
                }
            }
            c.commit();
            KeyTable byKey = new KeyTable(list.size());
            for (Plain o : list) {
                byKey.put(o);
            }
            return new Retained.Loaded() {
                @Override
                public long checksum() {
                    long sum = 0;
                    for (int i = 0; i < list.size(); i++) {
                        Plain o = list.get(i);
                        if (byKey.get(o.id) != o || loaded.get(i)[0] != o.id) {
                            throw new IllegalStateException("plain_tracked lost object " + o.id);
                        }
                        sum += Checksums.customer(o.id, o.name, o.q);
                    }
                    return sum;
                }

                @Override
                public void close() {
                    list.clear();
                    loaded.clear();
                }
            };
        });
    }

    /**
     * The smallest identity map: one array slot per entry (the power of two that keeps it at most
     * three quarters full), holding the object itself, found by linear probing from its key's
     * slot and recognised by its own key. No removal, no growth: sized once for the loaded rows.
     */
    private static final class KeyTable {
        private final Plain[] slots;

        KeyTable(int entries) {
            int capacity = Integer.highestOneBit(Math.max(1, (entries * 4 + 2) / 3 - 1)) << 1;
            slots = new Plain[Math.max(16, capacity)];
        }

        private int home(Integer key) {
            int h = key.hashCode();
            return (h ^ (h >>> 16)) & (slots.length - 1);
        }

        void put(Plain o) {
            int i = home(o.id);
            while (slots[i] != null) {
                i = (i + 1) & (slots.length - 1);
            }
            slots[i] = o;
        }

        Plain get(Integer key) {
            for (int i = home(key); slots[i] != null; i = (i + 1) & (slots.length - 1)) {
                if (slots[i].id.equals(key)) {
                    return slots[i];
                }
            }
            return null;
        }
    }

    static long orm(BenchBackend b, int n) throws Exception {
        SessionFactory f = FACTORIES.computeIfAbsent(b, x -> SessionFactory.bind(x.engine()));
        return Retained.perObject(n, () -> {
            Session s = f.open();
            List<MmCustomer> all = s.scalars(Orm.select(MmCustomer.class)).all();
            return new Retained.Loaded() {
                @Override
                public long checksum() {
                    long sum = 0;
                    for (MmCustomer o : all) {
                        sum += Checksums.customer(o.id, o.name, o.q);
                    }
                    return sum;
                }

                @Override
                public void close() {
                    s.close();
                }
            };
        });
    }
}
