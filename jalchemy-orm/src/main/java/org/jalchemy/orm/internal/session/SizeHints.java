package org.jalchemy.orm.internal.session;

import org.jalchemy.orm.mapping.Mapper;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many objects one session factory's large sessions held when they closed: per identity
 * base (its identity map) and in all (the session's {@link StateIndex}). A session that loads as
 * many objects again sizes each map once, when it first grows past {@value #FROM} entries,
 * instead of doubling up to that size step by step (every step allocates, zeroes and refills
 * arrays as large as all the entries so far: about 3% of loading 500,000 objects).
 *
 * <p>Hazards kept small: a hint never makes a map larger than doubling would have made it for
 * the hinted number of entries; sessions that stay under {@value #FROM} entries neither read nor
 * write hints (short sessions pay nothing); a large session that ends smaller than the hint pulls
 * it halfway down, so one huge load does not make later, merely large, sessions allocate for it
 * for long. Shared by the factory's sessions on any thread without locks: a lost update costs a
 * growth step, never correctness.
 */
public final class SizeHints {
    /** Maps below this many entries grow by doubling and record nothing. */
    public static final int FROM = 4096;
    private final ConcurrentHashMap<Mapper<?>, Hint> byBase = new ConcurrentHashMap<>();
    private final Hint states = new Hint();

    /** The hint for the identity map of {@code identityBase}'s objects. */
    Hint of(Mapper<?> identityBase) {
        return byBase.computeIfAbsent(identityBase, k -> new Hint());
    }

    /** The hint for a session's state index (its objects of every class). */
    Hint states() {
        return states;
    }

    /** One map's expected size: the size large sessions ended with, smoothed towards the latest. */
    static final class Hint {
        private volatile int size;

        int size() {
            return size;
        }

        /** A session closes holding {@code n} entries in this map (only called for {@code n >= FROM}). */
        void record(int n) {
            int old = size;
            size = n >= old ? n : old - (old - n) / 2;
        }
    }
}
