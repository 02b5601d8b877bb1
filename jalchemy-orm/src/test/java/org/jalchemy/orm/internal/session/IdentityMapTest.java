package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.ObjectState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session's per-mapper identity map behaves as a {@code HashMap} keyed by {@code equals}
 * through growth and back-shift removal: checked against a {@code HashMap} over random
 * operations (puts, removes, and the get-then-{@code putAbsent} of loading), with clustered integer keys, composite (List) keys and keys whose hash codes collide.
 */
class IdentityMapTest {

    private static InstanceStateImpl state(Object key) {
        InstanceStateImpl st = new InstanceStateImpl(new Object(), null, ObjectState.PERSISTENT, null);
        st.identity = key;
        return st;
    }

    /** A key whose hash code is one of four values: long probe runs, wrap-around included. */
    private record Colliding(int n) {
        @Override
        public int hashCode() {
            return n % 4;
        }
    }

    /** A key whose hash code HashMap's fold ({@code h ^ h >>> 16}) turns into a multiple of 65536. */
    private record Folded(int n) {
        @Override
        public int hashCode() {
            return n * 0x10001;
        }
    }

    private static void agreesWithHashMap(java.util.function.IntFunction<Object> keyOf, int range, long seed) {
        IdentityMap im = new IdentityMap();
        Map<Object, InstanceStateImpl> ref = new HashMap<>();
        Random r = new Random(seed);
        for (int step = 0; step < 20_000; step++) {
            Object k = keyOf.apply(r.nextInt(range));
            switch (r.nextInt(3)) {
                case 0 -> {
                    InstanceStateImpl st = state(k);
                    assertThat(im.put(k, st)).isSameAs(ref.put(k, st));
                }
                case 1 -> { // what loading does: a get, then putAbsent only when it found nothing
                    InstanceStateImpl st = state(k);
                    if (im.get(k) == null) {
                        im.putAbsent(k, st);
                        assertThat(ref.put(k, st)).isNull();
                    }
                }
                default -> assertThat(im.remove(k)).isSameAs(ref.remove(k));
            }
            if (step % 997 == 0) {
                assertThat(im.size()).isEqualTo(ref.size());
                for (int i = 0; i < range; i++) {
                    Object q = keyOf.apply(i);
                    assertThat(im.get(q)).as("key %s at step %d", q, step).isSameAs(ref.get(q));
                    assertThat(im.containsKey(q)).isEqualTo(ref.containsKey(q));
                }
                assertThat(new HashSet<>(im.values())).isEqualTo(new HashSet<>(ref.values()));
                assertThat(im.entrySet()).hasSize(ref.size());
                assertThat(im).isEqualTo(ref);
            }
        }
    }

    @Test
    void integerKeysAgreeWithAHashMap() {
        agreesWithHashMap(i -> i, 5_000, 1);
        agreesWithHashMap(i -> (long) i * 1024, 300, 2);
    }

    @Test
    void compositeAndCollidingKeysAgreeWithAHashMap() {
        agreesWithHashMap(i -> List.of(i % 17, "k" + i / 17), 2_000, 3);
        agreesWithHashMap(Colliding::new, 200, 4);
    }

    @Test
    void keysThatClusterSwitchTheMapToMixedSlots() {
        IdentityMap sequential = new IdentityMap();
        for (int i = 1; i <= 10_000; i++) {
            sequential.put(i, state(i));
        }
        assertThat(sequential.mixed()).as("consecutive keys: no clustering").isFalse();
        IdentityMap folded = new IdentityMap();
        for (int i = 1; i <= 10_000; i++) {
            folded.put(new Folded(i), state(i)); // every key folds to slot 0
        }
        assertThat(folded.mixed()).isTrue();
        for (int i = 1; i <= 10_000; i++) {
            assertThat(folded.get(new Folded(i)).identity).isEqualTo(i);
        }
        agreesWithHashMap(Folded::new, 3_000, 5);
    }

    @Test
    void growsFromEmptyToManyAndBackWithEveryEntryFound() {
        IdentityMap im = new IdentityMap();
        List<InstanceStateImpl> states = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            InstanceStateImpl st = state(i);
            states.add(st);
            assertThat(im.put(i, st)).isNull();
        }
        assertThat(im.size()).isEqualTo(100_000);
        for (int i = 0; i < 100_000; i += 2) {
            assertThat(im.remove(i)).isSameAs(states.get(i));
        }
        for (int i = 0; i < 100_000; i++) {
            assertThat(im.get(i)).isSameAs(i % 2 == 0 ? null : states.get(i));
        }
        im.clear();
        assertThat(im).isEmpty();
        assertThat(im.get(1)).isNull();
    }

    @Test
    void refusesNullsAndFailsFastWhenChangedDuringIteration() {
        IdentityMap im = new IdentityMap();
        assertThatThrownBy(() -> im.put(null, state(1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> im.put(1, null)).isInstanceOf(NullPointerException.class);
        assertThat(im.get(null)).isNull();
        im.put(1, state(1));
        im.put(2, state(2));
        assertThatThrownBy(() -> {
            for (InstanceStateImpl st : im.values()) {
                im.put(3, st);
            }
        }).isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> im.values().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }
}
