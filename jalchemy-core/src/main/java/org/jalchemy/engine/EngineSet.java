package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.TimeoutError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One primary engine and its read replicas, by name, for read/write splitting: the ORM's
 * {@code SessionFactory.builder(engineSet)} sends writes to {@link #primary()} and plain reads
 * to a replica that {@link #connectReplica()} picks; Core code calls the same methods itself.
 * Names: {@link #PRIMARY} for the primary, the names given to {@link Builder#replica} for the
 * others (a statement picks one with the ORM's {@code Orm.bind(name)}).
 *
 * <p>Picking a replica: round robin over the replicas; one whose lag is above {@code maxLag}, or
 * whose connection attempt failed, is passed over until its next check, and when none is fit
 * {@link #connectReplica()} is empty (read from the primary then). Lag is measured on the very
 * connection about to be handed out, at most once per {@code lagCheckInterval} per replica
 * (default 1 s; zero: on every checkout), with the replica's dialect
 * ({@link org.jalchemy.dialect.Dialect#replicationLag}: {@code pg_last_xact_replay_timestamp()}
 * on PostgreSQL) or a {@link LagProbe} of the application's (a heartbeat table).
 *
 * <p>Thread-safe; the counters are racy on purpose (a stale lag figure lives one interval at
 * most). Hazards: lag is a sample, not a promise: a replica that passed the check can fall
 * further behind while a transaction reads from it; and a replica never shows a write that its
 * primary has not committed yet, so code that must read its own writes reads from the primary
 * (the ORM session does that by itself once it has written). {@link #close()} disposes every
 * engine of the set.
 */
public final class EngineSet implements AutoCloseable {
    /** The name of the primary in a set. */
    public static final String PRIMARY = "primary";

    /** Measures a replica's lag on a connection to it (a heartbeat-table query, for instance). */
    @FunctionalInterface
    public interface LagProbe {
        Duration lag(Connection connection);
    }

    private final Engine primary;
    private final Map<String, Replica> replicas;
    private final List<Replica> order;
    private final Duration maxLag;
    private final long checkIntervalNanos;
    private final LagProbe probe;
    private final AtomicInteger next = new AtomicInteger();

    /** One replica's state: its last lag figure and when it was taken ({@code checkedAt} 0: never). */
    private static final class Replica {
        final String name;
        final Engine engine;
        volatile Duration lag = Duration.ZERO;
        volatile long checkedAt;
        volatile boolean down;
        volatile RuntimeException lastFailure;

        Replica(String name, Engine engine) {
            this.name = name;
            this.engine = engine;
        }
    }

    private EngineSet(Builder b) {
        this.primary = b.primary;
        this.replicas = new LinkedHashMap<>();
        for (Map.Entry<String, Engine> e : b.replicas.entrySet()) {
            replicas.put(e.getKey(), new Replica(e.getKey(), e.getValue()));
        }
        this.order = List.copyOf(replicas.values());
        this.maxLag = b.maxLag;
        this.checkIntervalNanos = b.lagCheckInterval.toNanos();
        this.probe = b.probe;
    }

    /** A set with {@code primary} as its primary; add replicas on the builder. */
    public static Builder primary(Engine primary) {
        return new Builder(primary);
    }

    public Engine primary() {
        return primary;
    }

    /** The replicas' names, in the order they were added. */
    public List<String> replicaNames() {
        return List.copyOf(replicas.keySet());
    }

    /** True when {@code name} is {@link #PRIMARY} or one of the replicas. */
    public boolean has(String name) {
        return PRIMARY.equals(name) || replicas.containsKey(name);
    }

    /** The engine called {@code name}; raises {@link ArgumentError} listing the names there are. */
    public Engine engine(String name) {
        if (PRIMARY.equals(name)) {
            return primary;
        }
        Replica r = replicas.get(name);
        if (r == null) {
            throw new ArgumentError("No engine '" + name + "' in this EngineSet; it has: " + PRIMARY
                    + (replicas.isEmpty() ? "" : ", " + String.join(", ", replicas.keySet())));
        }
        return r.engine;
    }

    /** The name of {@code engine} in this set, or null when it is not one of them. */
    public String nameOf(Engine engine) {
        if (engine == primary) {
            return PRIMARY;
        }
        for (Replica r : order) {
            if (r.engine == engine) {
                return r.name;
            }
        }
        return null;
    }

    /** The largest lag a replica may have and still serve reads; null: no limit (lag is not measured). */
    public Duration maxLag() {
        return maxLag;
    }

    /**
     * Measures the lag of replica {@code name} now, on a connection of its own (the probe's or its
     * dialect's way), and records it for the next pick.
     */
    public Duration replicaLag(String name) {
        Replica r = replicas.get(name);
        if (r == null) {
            engine(name); // raises, naming the replicas
            return Duration.ZERO; // the primary
        }
        try (Connection c = r.engine.connect()) {
            return measure(r, c);
        }
    }

    /**
     * A connection to the next replica fit to serve reads (round robin; lag within
     * {@code maxLag}; reachable), checked out and ready, or empty when no replica is fit (then
     * read from the primary). A replica that fails to connect is passed over until one
     * {@code lagCheckInterval} has gone by.
     */
    public Optional<Connection> connectReplica() {
        int n = order.size();
        if (n == 0) {
            return Optional.empty();
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Replica r = order.get((start + i) % n);
            boolean due = r.checkedAt == 0L || now - r.checkedAt >= checkIntervalNanos;
            if (!due && (r.down || tooFarBehind(r.lag))) {
                continue;
            }
            Connection c = tryConnect(r, now);
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * A connection to replica {@code name} whatever its lag (an explicit choice), or to the
     * primary for {@link #PRIMARY}. Raises when the name is unknown or the server cannot be reached.
     */
    public Connection connect(String name) {
        return engine(name).connect();
    }

    /** The failure of the last attempt to reach replica {@code name}, while it is passed over; else empty. */
    public Optional<RuntimeException> lastFailure(String name) {
        Replica r = replicas.get(name);
        return r == null || !r.down ? Optional.empty() : Optional.ofNullable(r.lastFailure);
    }

    private Connection tryConnect(Replica r, long now) {
        Connection c;
        try {
            c = r.engine.connect();
        } catch (DBAPIError | TimeoutError e) {
            r.down = true;
            r.lastFailure = e;
            r.checkedAt = now;
            return null;
        }
        r.down = false;
        if (maxLag == null) {
            return c;
        }
        boolean due = r.checkedAt == 0L || now - r.checkedAt >= checkIntervalNanos;
        try {
            Duration lag = due ? measure(r, c) : r.lag;
            if (!tooFarBehind(lag)) {
                return c;
            }
        } catch (DBAPIError e) {
            r.down = true;
            r.lastFailure = e;
        }
        c.close();
        return null;
    }

    private Duration measure(Replica r, Connection c) {
        Duration lag;
        if (probe != null) {
            lag = probe.lag(c);
        } else {
            try {
                lag = c.dialect().replicationLag(c.jdbc());
            } catch (java.sql.SQLException e) {
                throw c.translate(e, "(replication lag of " + r.name + ")", null, null, null);
            }
        }
        r.lag = Objects.requireNonNull(lag, "lag probe returned null");
        r.checkedAt = System.nanoTime();
        return lag;
    }

    private boolean tooFarBehind(Duration lag) {
        return maxLag != null && lag.compareTo(maxLag) > 0;
    }

    /** Disposes the primary and every replica engine. */
    @Override
    public void close() {
        RuntimeException first = null;
        List<Engine> all = new ArrayList<>();
        all.add(primary);
        for (Replica r : order) {
            all.add(r.engine);
        }
        for (Engine e : all) {
            try {
                e.dispose();
            } catch (RuntimeException ex) {
                if (first == null) {
                    first = ex;
                } else {
                    first.addSuppressed(ex);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "EngineSet(primary=" + primary.url() + ", replicas=" + replicas.keySet() + ")";
    }

    /** Builds an {@link EngineSet}. */
    public static final class Builder {
        private final Engine primary;
        private final Map<String, Engine> replicas = new LinkedHashMap<>();
        private Duration maxLag;
        private Duration lagCheckInterval = Duration.ofSeconds(1);
        private LagProbe probe;

        private Builder(Engine primary) {
            this.primary = Objects.requireNonNull(primary, "primary");
        }

        /** Adds a read replica called {@code name} (not {@code "primary"}, and unique in the set). */
        public Builder replica(String name, Engine replica) {
            Objects.requireNonNull(replica, "replica");
            if (PRIMARY.equals(name) || replicas.containsKey(name)) {
                throw new ArgumentError("EngineSet: the name '" + name + "' is taken"
                        + (PRIMARY.equals(name) ? " by the primary" : " by another replica"));
            }
            replicas.put(name, replica);
            return this;
        }

        /**
         * Replicas further behind their primary than {@code lag} do not serve reads (the primary
         * does). Null (the default) turns lag checks off.
         */
        public Builder maxLag(Duration lag) {
            if (lag != null && lag.isNegative()) {
                throw new ArgumentError("EngineSet maxLag must not be negative, got " + lag);
            }
            maxLag = lag;
            return this;
        }

        /** How long a replica's lag figure is trusted before it is measured again (default 1 s; zero: every checkout). */
        public Builder lagCheckInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new ArgumentError("EngineSet lagCheckInterval must not be negative, got " + interval);
            }
            lagCheckInterval = interval;
            return this;
        }

        /** Measures lag with {@code probe} instead of the replicas' dialect (a heartbeat table the application keeps). */
        public Builder lagProbe(LagProbe probe) {
            this.probe = probe;
            return this;
        }

        public EngineSet build() {
            return new EngineSet(this);
        }
    }
}
