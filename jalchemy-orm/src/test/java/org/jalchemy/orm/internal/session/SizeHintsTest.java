package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.ObjectState;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizing from earlier sessions: a hinted identity map or state index jumps to the hinted size at
 * its first growth past {@link SizeHints#FROM} entries, never before and never beyond what
 * doubling reaches for that size; it keeps every entry while doing so; small sessions do not
 * touch the hint; and a large session that ends smaller pulls the hint halfway down.
 */
class SizeHintsTest {

    private static InstanceStateImpl state(Object key) {
        InstanceStateImpl st = new InstanceStateImpl(new Object(), null, ObjectState.PERSISTENT, null);
        st.identity = key;
        return st;
    }

    private static SizeHints.Hint hintOf(int size) {
        SizeHints.Hint h = new SizeHints().states();
        h.record(size);
        return h;
    }

    @Test
    void aHintedMapGrowsOnceToTheHintedSizePastTheThreshold() {
        SizeHints.Hint hint = hintOf(100_000);
        IdentityMap hinted = new IdentityMap(hint);
        IdentityMap plain = new IdentityMap();
        for (int i = 0; i < SizeHints.FROM; i++) {
            hinted.put(i, state(i));
            plain.put(i, state(i));
        }
        // below the threshold both double alike: a small session allocates nothing for the hint
        assertThat(hinted.toString()).isEqualTo(plain.toString()).endsWith("8192 slots)");
        for (int i = SizeHints.FROM; i < 5_000; i++) {
            hinted.put(i, state(i));
            plain.put(i, state(i));
        }
        assertThat(plain.toString()).endsWith("16384 slots)");
        // the size doubling would have reached for 100,000 entries, at once
        assertThat(hinted.toString()).isEqualTo("IdentityMap(5000 entries, 262144 slots)");
        for (int i = 5_000; i < 100_000; i++) {
            hinted.put(i, state(i));
        }
        assertThat(hinted.toString()).isEqualTo("IdentityMap(100000 entries, 262144 slots)");
        for (int i = 0; i < 100_000; i += 777) {
            assertThat(hinted.get(i).identity).isEqualTo(i);
        }
        assertThat(hinted.get(100_000)).isNull();
    }

    @Test
    void aMapBeyondItsHintKeepsDoubling() {
        IdentityMap hinted = new IdentityMap(hintOf(5_000));
        for (int i = 0; i < 40_000; i++) {
            hinted.put(i, state(i));
        }
        assertThat(hinted.toString()).isEqualTo("IdentityMap(40000 entries, 131072 slots)");
    }

    @Test
    void onlyLargeMapsRecordAndASmallerLargeSessionPullsTheHintHalfwayDown() {
        SizeHints hints = new SizeHints();
        SizeHints.Hint hint = hints.states();
        IdentityMap small = new IdentityMap(hint);
        for (int i = 0; i < SizeHints.FROM - 1; i++) {
            small.put(i, state(i));
        }
        small.recordSize();
        assertThat(hint.size()).isZero();

        IdentityMap large = new IdentityMap(hint);
        for (int i = 0; i < 100_000; i++) {
            large.put(i, state(i));
        }
        large.recordSize();
        assertThat(hint.size()).isEqualTo(100_000);

        IdentityMap smaller = new IdentityMap(hint);
        for (int i = 0; i < 20_000; i++) {
            smaller.put(i, state(i));
        }
        smaller.recordSize();
        assertThat(hint.size()).isEqualTo(60_000);
    }

    @Test
    void aHintedStateIndexGrowsToTheHintAndRecordsWhenCleared() {
        SizeHints.Hint hint = hintOf(50_000);
        StateIndex index = new StateIndex(new HashMap<>(), hint);
        for (int i = 0; i < 30_000; i++) {
            InstanceStateImpl st = state(i);
            index.put(st.object, st);
        }
        assertThat(index.size()).isEqualTo(30_000);
        assertThat(index.values()).hasSize(30_000);
        index.clear();
        assertThat(hint.size()).isEqualTo(40_000); // 30,000 pulled 50,000 halfway down
        index.clear();
        assertThat(hint.size()).isEqualTo(40_000); // an empty index records nothing
    }
}
