package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.ObjectState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state index's identity lookup: identity, not equality; growth keeps every entry; removal
 * in the middle of a probe run leaves every other entry reachable (backward shift), checked
 * against {@code IdentityHashMap} over a long random sequence of operations.
 */
class IdentityTableTest {

    private static InstanceStateImpl state(Object object) {
        return new InstanceStateImpl(object, null, ObjectState.PENDING, null);
    }

    @Test
    void looksUpByIdentityNotEquality() {
        IdentityTable t = new IdentityTable(4);
        String a = new String("same");
        String b = new String("same");
        InstanceStateImpl sa = state(a);
        t.put(a, sa);
        assertThat(t.get(a)).isSameAs(sa);
        assertThat(t.get(b)).isNull();
        InstanceStateImpl sb = state(b);
        t.put(b, sb);
        assertThat(t.get(b)).isSameAs(sb);
        assertThat(t.size()).isEqualTo(2);
    }

    @Test
    void growsPastItsSizeKeepingEveryEntry() {
        IdentityTable t = new IdentityTable(16);
        List<Object> objects = new ArrayList<>();
        List<InstanceStateImpl> states = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Object o = new Object();
            objects.add(o);
            states.add(state(o));
            t.put(o, states.get(i));
        }
        assertThat(t.size()).isEqualTo(10_000);
        assertThat(t.toString()).isEqualTo("IdentityTable[10000 of 16384]");
        for (int i = 0; i < objects.size(); i++) {
            assertThat(t.get(objects.get(i))).isSameAs(states.get(i));
        }
    }

    @Test
    void capacityIsAPowerOfTwoAtMostThreeQuartersFull() {
        assertThat(IdentityTable.capacityFor(0)).isEqualTo(16);
        assertThat(IdentityTable.capacityFor(12)).isEqualTo(16);
        assertThat(IdentityTable.capacityFor(13)).isEqualTo(32);
        assertThat(IdentityTable.capacityFor(100_000)).isEqualTo(262_144);
        assertThat(IdentityTable.capacityFor(98_304)).isEqualTo(131_072);
    }

    @Test
    void agreesWithIdentityHashMapOverRandomPutsGetsAndRemoves() {
        Random random = new Random(20261201);
        // few distinct objects in a small table: long probe runs, removals inside them
        Object[] pool = new Object[300];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Object();
        }
        IdentityTable t = new IdentityTable(8);
        Map<Object, InstanceStateImpl> expected = new IdentityHashMap<>();
        for (int step = 0; step < 200_000; step++) {
            Object o = pool[random.nextInt(pool.length)];
            switch (random.nextInt(3)) {
                case 0 -> {
                    InstanceStateImpl st = state(o);
                    t.put(o, st);
                    expected.put(o, st);
                }
                case 1 -> {
                    t.remove(o);
                    expected.remove(o);
                }
                default -> assertThat(t.get(o)).as("step %d", step).isSameAs(expected.get(o));
            }
            assertThat(t.size()).isEqualTo(expected.size());
        }
        for (Object o : pool) {
            assertThat(t.get(o)).isSameAs(expected.get(o));
        }
    }
}
