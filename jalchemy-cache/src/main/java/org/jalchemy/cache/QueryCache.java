package org.jalchemy.cache;

import org.jalchemy.cache.internal.RowCodec;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineEvents;
import org.jalchemy.engine.EngineListener;
import org.jalchemy.engine.ExecuteContext;
import org.jalchemy.engine.IsolationLevel;
import org.jalchemy.engine.Result;
import org.jalchemy.engine.Row;
import org.jalchemy.engine.RowMetadata;
import org.jalchemy.engine.StatementInterceptor;
import org.jalchemy.engine.TablesWritten;
import org.jalchemy.engine.URL;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.Compiled;
import org.jalchemy.sql.ExecutableOption;
import org.jalchemy.sql.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The query-result cache of one engine: SELECTs carrying {@link #cache(String) cache("region")}
 * are answered from the region's {@link CacheBackend} when a valid entry exists, else run and
 * stored. Install with {@code QueryCache.builder().region(...).install(engine)}; {@link #close()}
 * uninstalls it (and closes the backends it was given).
 *
 * <h2>Keys</h2>
 * SHA-256 of the namespace (the database: dialect, host, port, name — or {@link Builder#namespace}),
 * the compiled SQL (a function of the statement's structural cache key and the dialect) and the
 * bound values in the cache's own binary encoding.
 *
 * <h2>Invalidation: a reader never sees a result older than a commit it has observed</h2>
 * Every table has a version counter in the backend, plus one generation counter {@code *} per
 * namespace. An entry stores the counters of its tables and the generation <em>as read before its
 * query ran</em>; a lookup reads the current counters together with the entry (one round trip)
 * and serves it only when they are equal. A commit that wrote table T increments T's counter
 * <em>after</em> the database committed and before {@code commit()} returns, so: (1) once a
 * commit has returned, every lookup sees the new counter and no entry stored before it matches;
 * (2) a query that ran before that commit stored its rows under the older counter, which no longer
 * matches. A write whose tables jalchemy cannot read ({@code text()} other than plain DML, DDL)
 * increments the generation, invalidating the whole namespace. A fresh store (Redis restarted
 * empty) starts the generation at a random value, so rows stamped before the restart never match.
 *
 * <p>Snapshots: under REPEATABLE READ (MariaDB's default) a transaction reads the snapshot taken at
 * its first statement, which may predate commits whose counters were already bumped. The cache
 * therefore stores only results whose query was the first statement of its transaction, or ran
 * under READ COMMITTED/AUTOCOMMIT (PostgreSQL's default); other results are served but not stored.
 * A transaction that has written a table reads it from the database (its own uncommitted rows),
 * never from the cache, and stores nothing about it. A hit inside a REPEATABLE READ transaction may
 * be newer than that transaction's snapshot (never older than the latest commit it observed).
 *
 * <h2>Faults</h2>
 * A backend call that fails (Redis down, or slower than its timeout) sends the query to the
 * database; the first failure logs one WARN on {@code jalchemy.cache}, and for
 * {@code retryInterval} the backend is not asked again. Increments that fail are kept and sent
 * before the backend is used again; until then this process neither reads nor writes it. When it
 * answers again an INFO says so. Hazard: a process that cannot reach Redis while others can (a
 * partition) cannot tell them of its commits until it reaches Redis again; the region's ttl bounds
 * how long they may serve its tables' older rows.
 *
 * <p>Thread-safe. Costs per statement on the engine: nothing for statements without the option
 * beyond a listener updating this connection's transaction state.
 */
public final class QueryCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("jalchemy.cache");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final byte ENTRY_FORMAT = 1;

    private final Engine engine;
    private final Map<String, Region> regions;
    private final Map<String, RegionCounters> counters = new LinkedHashMap<>();
    private final Map<CacheBackend, Health> health = new IdentityHashMap<>();
    private final String namespace;
    private final String generation;
    private final long retryNanos;
    private final boolean readCommitted;
    private final boolean closeBackends;
    private final ConcurrentHashMap<Connection, TxState> txs = new ConcurrentHashMap<>();
    private final LongAdder invalidations = new LongAdder();
    private final Set<Class<?>> warnedTypes = ConcurrentHashMap.newKeySet();
    private final EngineEvents.Registration interceptor;
    private final EngineEvents.Registration listener;

    /** The statement option: serve this SELECT from {@code region}. */
    public static CacheOption cache(String region) {
        return new CacheOption(region, List.of());
    }

    /**
     * The key prefix when the builder names none: dialect, every host of the URL in order (a
     * cluster URL's second host distinguishes it from another cluster that shares the first) and
     * the database. Never the user or password.
     */
    static String defaultNamespace(String dialect, URL url) {
        StringBuilder sb = new StringBuilder(dialect).append('/');
        List<URL.Host> hosts = url.hosts();
        for (int i = 0; i < hosts.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(hosts.get(i));
        }
        return sb.append('/').append(url.database()).toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    private QueryCache(Engine engine, Builder b) {
        this.engine = engine;
        this.regions = Map.copyOf(b.regions);
        for (Region r : b.regions.values()) {
            counters.put(r.name(), new RegionCounters());
            health.computeIfAbsent(r.backend(), Health::new);
        }
        this.namespace = b.namespace != null ? b.namespace : defaultNamespace(engine.dialect().name(), engine.url());
        this.generation = namespace + ":*";
        this.retryNanos = b.retryInterval.toNanos();
        this.closeBackends = b.closeBackends;
        IsolationLevel iso = engine.options().isolationLevel();
        this.readCommitted = iso == IsolationLevel.READ_COMMITTED || iso == IsolationLevel.READ_UNCOMMITTED
                || iso == IsolationLevel.AUTOCOMMIT || (iso == null && "postgresql".equals(engine.dialect().name()));
        for (Map.Entry<CacheBackend, Health> e : health.entrySet()) {
            try {
                e.getKey().initialize(generation, newGeneration());
            } catch (RuntimeException ex) {
                e.getValue().failed(ex); // starts degraded; retried like any outage
            }
        }
        this.listener = engine.events().listen(new Tracker());
        this.interceptor = engine.events().intercept(this::intercept);
    }

    // ------------------------------------------------------------------ reading

    private static CacheOption optionOf(org.jalchemy.sql.Executable statement) {
        if (statement instanceof Select<?> s) {
            for (ExecutableOption o : s.executableOptions()) {
                if (o instanceof CacheOption co) {
                    return co;
                }
            }
        }
        return null;
    }

    private Result intercept(StatementInterceptor.Invocation inv) {
        CacheOption option = optionOf(inv.statement());
        if (option == null) {
            return inv.proceed();
        }
        Region region = regions.get(option.region());
        if (region == null) {
            throw new ArgumentError("cache(\"" + option.region() + "\"): no such region; this engine's query cache has "
                    + new java.util.TreeSet<>(regions.keySet()));
        }
        Compiled compiled = inv.compiled();
        Collection<String> tables = compiled.tables();
        if (!option.tables().isEmpty()) {
            Set<String> both = new java.util.HashSet<>(option.tables());
            if (tables != null) {
                both.addAll(tables);
            }
            tables = both;
        }
        if (tables == null || tables.isEmpty()) {
            throw new ArgumentError("cache(\"" + option.region() + "\") on a statement that names no table jalchemy can"
                    + " read (text() fragments): name them with cache(\"" + option.region() + "\").tables(\"users\", ...), or its"
                    + " cached rows could never be invalidated. Statement: " + compiled.sql());
        }
        Connection connection = inv.connection();
        TxState tx = txs.get(connection);
        if (tx != null && tx.wroteAny(tables)) {
            return inv.proceed(); // its own uncommitted writes: only the database has them
        }
        RegionCounters rc = counters.get(region.name());
        Shape shape = shape(compiled, tables, option.tables().isEmpty());
        String key = key(shape, inv.values());
        Health h = health.get(region.backend());
        if (key == null || !h.available()) {
            rc.misses.increment();
            return inv.proceed();
        }
        CacheBackend.Lookup found;
        try {
            found = region.backend().lookup(region, key, shape.counters);
            h.ok();
        } catch (RuntimeException e) {
            h.failed(e);
            rc.misses.increment();
            return inv.proceed();
        }
        long[] stamp = found.versions();
        boolean canStore = readCommitted || !connection.inTransaction() || tx == null || !tx.used;
        if (stamp[0] == 0) { // a store without our generation (new, or restarted empty): start one, store nothing now
            canStore = false;
            try {
                region.backend().initialize(generation, newGeneration());
            } catch (RuntimeException e) {
                h.failed(e);
            }
        }
        if (found.value() != null) {
            Result hit = decode(connection, shape, found.value(), stamp);
            if (hit != null) {
                rc.hits.increment();
                return hit;
            }
        }
        rc.misses.increment();
        Result result = inv.proceed();
        RowMetadata md = result.metadata();
        List<Object[]> rows = new ArrayList<>();
        try (result) {
            for (Row row : result) {
                rows.add(row.toArray());
            }
        }
        if (canStore && stamp[0] != 0 && rows.size() <= region.maxRows()) {
            byte[] entry = encode(stamp, md, rows);
            if (entry != null) {
                try {
                    region.backend().put(region, key, entry);
                    rc.puts.increment();
                } catch (RuntimeException e) {
                    h.failed(e);
                }
            }
        }
        return Result.fromRows(connection, md, rows);
    }

    /** A random positive start for a store's generation counter, far from any earlier one. */
    private static long newGeneration() {
        return 1 + (java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 2);
    }

    private List<String> counterNames(Collection<String> tables) {
        String[] sorted = tables.toArray(String[]::new);
        Arrays.sort(sorted);
        List<String> out = new ArrayList<>(sorted.length + 1);
        out.add(generation);
        for (String t : sorted) {
            out.add(namespace + ":" + t);
        }
        return out;
    }

    /**
     * What a statement shape needs on every execution, computed once: the digest of namespace and
     * SQL (cloned per key), its counter names, and its row metadata once known.
     */
    private static final class Shape {
        final MessageDigest prefix;
        final List<String> counters;
        final Compiled compiled;
        volatile RowMetadata metadata;

        Shape(MessageDigest prefix, List<String> counters, Compiled compiled) {
            this.prefix = prefix;
            this.counters = counters;
            this.compiled = compiled;
        }
    }

    /** Shapes by compiled statement (the engine's compiled cache hands out one Compiled per shape). */
    private final ConcurrentHashMap<Compiled, Shape> shapes = new ConcurrentHashMap<>();

    private Shape shape(Compiled compiled, Collection<String> tables, boolean remember) {
        Shape sh = remember ? shapes.get(compiled) : null;
        if (sh != null) {
            return sh;
        }
        MessageDigest md = newSha256();
        md.update(namespace.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(compiled.sql().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        sh = new Shape(md, List.copyOf(counterNames(tables)), compiled);
        if (!remember) { // extra tables given with the option: its counters are this option's, not the shape's
            return sh;
        }
        if (shapes.size() > 10_000) { // statements built with ever new shapes: do not grow without bound
            shapes.clear();
        }
        shapes.put(compiled, sh);
        return sh;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry key, or null when a value cannot be encoded (the statement is then not cached). */
    private String key(Shape shape, Object[] values) {
        RowCodec.Out out = new RowCodec.Out(16 + 8 * values.length);
        try {
            for (Object v : values) {
                RowCodec.write(out, v);
            }
        } catch (RowCodec.Unsupported e) {
            warnType(e);
            return null;
        }
        MessageDigest md;
        try {
            md = (MessageDigest) shape.prefix.clone();
        } catch (CloneNotSupportedException e) { // every JDK SHA-256 clones; keep working if one does not
            md = newSha256();
            md.update(namespace.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(shape.compiled.sql().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        byte[] digest = md.digest(out.toByteArray());
        return B64.encodeToString(Arrays.copyOf(digest, 18));
    }

    private void warnType(RowCodec.Unsupported e) {
        try {
            Class<?> c = Class.forName(e.getMessage(), false, QueryCache.class.getClassLoader());
            if (!warnedTypes.add(c)) {
                return;
            }
        } catch (ClassNotFoundException | LinkageError ignored) {
            // warn anyway
        }
        LOG.warn("query cache: values of class {} cannot be cached; statements binding or returning them run on the"
                + " database every time", e.getMessage());
    }

    private byte[] encode(long[] stamp, RowMetadata md, List<Object[]> rows) {
        RowCodec.Out out = new RowCodec.Out(256);
        out.writeByte(ENTRY_FORMAT);
        out.writeVarLong(stamp.length);
        for (long v : stamp) {
            out.writeLong(v);
        }
        out.writeVarLong(md.size());
        for (String name : md.keys()) {
            out.writeString(name);
        }
        out.writeVarLong(rows.size());
        try {
            for (Object[] row : rows) {
                for (Object v : row) {
                    RowCodec.write(out, v);
                }
            }
        } catch (RowCodec.Unsupported e) {
            warnType(e);
            return null;
        }
        return out.toByteArray();
    }

    /** The entry as a result when its stamp equals {@code current}; null when outdated. */
    private static Result decode(Connection connection, Shape shape, byte[] entry, long[] current) {
        RowCodec.In in = new RowCodec.In(entry);
        if (in.readByte() != ENTRY_FORMAT) {
            return null;
        }
        int n = (int) in.readVarLong();
        if (n != current.length) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (in.readLong() != current[i]) {
                return null;
            }
        }
        int cols = (int) in.readVarLong();
        RowMetadata md = shape.metadata;
        if (md == null || md.size() != cols) {
            String[] names = new String[cols];
            for (int i = 0; i < cols; i++) {
                names[i] = in.readString();
            }
            md = new RowMetadata(names, shape.compiled.resultKeys());
            shape.metadata = md;
        } else {
            for (int i = 0; i < cols; i++) {
                in.skipBytes();
            }
        }
        int count = (int) in.readVarLong();
        List<Object[]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            Object[] v = new Object[cols];
            for (int i = 0; i < cols; i++) {
                v[i] = RowCodec.read(in);
            }
            rows.add(v);
        }
        return Result.fromRows(connection, md, rows);
    }

    // ------------------------------------------------------------------ invalidation

    private void invalidate(TablesWritten written) {
        List<String> names = new ArrayList<>();
        if (written.unknown()) {
            names.add(generation);
        } else {
            for (String t : written.tables()) {
                names.add(namespace + ":" + t);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        invalidations.add(names.size());
        for (Health h : health.values()) {
            h.increment(names);
        }
    }

    /** Follows each connection's transaction: whether it ran a statement, which tables it wrote. */
    private final class Tracker implements EngineListener {
        @Override
        public void beforeExecute(ExecuteContext ctx) {
            state(ctx.connection()).used = true;
        }

        @Override
        public void afterExecute(ExecuteContext ctx) {
            if (ctx.isWrite() && ctx.connection().inTransaction()) {
                TxState tx = state(ctx.connection());
                Set<String> t = ctx.tables();
                if (t == null) {
                    tx.unknownWrite = true;
                } else {
                    tx.written.addAll(t);
                }
            }
        }

        @Override
        public void begin(Connection connection) {
            reset(connection);
        }

        @Override
        public void commit(Connection connection) {
            reset(connection);
        }

        @Override
        public void rollback(Connection connection) {
            reset(connection);
        }

        @Override
        public void checkin(Connection connection) {
            txs.remove(connection);
        }

        @Override
        public void afterCommit(Connection connection, TablesWritten written) {
            invalidate(written);
        }

        private TxState state(Connection c) {
            TxState s = txs.get(c);
            if (s == null) {
                s = new TxState();
                txs.put(c, s);
            }
            return s;
        }

        private void reset(Connection c) {
            TxState s = txs.get(c);
            if (s != null) {
                s.used = false;
                s.unknownWrite = false;
                s.written.clear();
            }
        }
    }

    /** One connection's transaction, touched by that connection's thread only. */
    private static final class TxState {
        boolean used;
        boolean unknownWrite;
        final Set<String> written = new java.util.HashSet<>();

        boolean wroteAny(Collection<String> tables) {
            if (unknownWrite) {
                return true;
            }
            if (written.isEmpty()) {
                return false;
            }
            for (String t : tables) {
                if (written.contains(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A backend's availability: up, or down until a retry time, with the increments it still owes. */
    private final class Health {
        private final CacheBackend backend;
        private volatile boolean down;
        private volatile long retryAt;
        private final Set<String> pending = ConcurrentHashMap.newKeySet();
        final LongAdder errors = new LongAdder();

        Health(CacheBackend backend) {
            this.backend = backend;
        }

        /** True when the backend may be used now (sending owed increments first). */
        boolean available() {
            if (!down && pending.isEmpty()) {
                return true;
            }
            if (System.nanoTime() - retryAt < 0) {
                return false;
            }
            return flush();
        }

        private synchronized boolean flush() {
            if (pending.isEmpty()) {
                return true;
            }
            List<String> owed = new ArrayList<>(pending);
            try {
                backend.increment(owed);
            } catch (RuntimeException e) {
                failed(e);
                return false;
            }
            owed.forEach(pending::remove);
            ok();
            return true;
        }

        void increment(List<String> names) {
            if (down && System.nanoTime() - retryAt < 0) {
                pending.addAll(names);
                return;
            }
            try {
                if (!pending.isEmpty() && !flush()) {
                    pending.addAll(names);
                    return;
                }
                backend.increment(names);
                ok();
            } catch (RuntimeException e) {
                pending.addAll(names);
                failed(e);
            }
        }

        void ok() {
            if (down) {
                synchronized (this) {
                    if (down && pending.isEmpty()) {
                        down = false;
                        LOG.info("query cache: backend {} answers again; cached results are used again", backend);
                    }
                }
            }
        }

        void failed(RuntimeException e) {
            errors.increment();
            retryAt = System.nanoTime() + retryNanos;
            if (!down) {
                synchronized (this) {
                    if (!down) {
                        down = true;
                        LOG.warn("query cache: backend {} failed ({}: {}); queries go to the database until it answers"
                                        + " again (retried every {} ms; this is logged once per outage)", backend,
                                e.getClass().getSimpleName(), describe(e), retryNanos / 1_000_000);
                    }
                }
            }
        }
    }

    /** The message of {@code e} and of its causes (the root cause says why: refused, timed out...). */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private static final class RegionCounters {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder puts = new LongAdder();
    }

    // ------------------------------------------------------------------ API

    /** The region names, in no particular order. */
    public Set<String> regions() {
        return regions.keySet();
    }

    /** Counters of one region (errors, invalidations and evictions are its backend's). */
    public CacheStats stats(String region) {
        Region r = regions.get(region);
        if (r == null) {
            throw new ArgumentError("no cache region '" + region + "'; regions: " + new java.util.TreeSet<>(regions.keySet()));
        }
        RegionCounters c = counters.get(region);
        Health h = health.get(r.backend());
        return new CacheStats(c.hits.sum(), c.misses.sum(), c.puts.sum(), h.errors.sum(), invalidations.sum(),
                r.backend().evictions());
    }

    /** Counters of all regions together. */
    public CacheStats stats() {
        long hits = 0, misses = 0, puts = 0, errors = 0, evictions = 0;
        for (RegionCounters c : counters.values()) {
            hits += c.hits.sum();
            misses += c.misses.sum();
            puts += c.puts.sum();
        }
        for (Map.Entry<CacheBackend, Health> e : health.entrySet()) {
            errors += e.getValue().errors.sum();
            evictions += e.getKey().evictions();
        }
        return new CacheStats(hits, misses, puts, errors, invalidations.sum(), evictions);
    }

    /** True while a backend is considered down (its failures go to the database). */
    public boolean isDegraded() {
        for (Health h : health.values()) {
            if (h.down || !h.pending.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public Engine engine() {
        return engine;
    }

    /** Uninstalls the cache from its engine; closes the backends when the builder said so (the default). */
    @Override
    public void close() {
        interceptor.close();
        listener.close();
        txs.clear();
        if (closeBackends) {
            for (CacheBackend b : health.keySet()) {
                b.close();
            }
        }
    }

    /** Regions and options; {@link #install(Engine)} makes the cache. */
    public static final class Builder {
        private final Map<String, Region> regions = new LinkedHashMap<>();
        private String namespace;
        private Duration retryInterval = Duration.ofSeconds(1);
        private boolean closeBackends = true;

        public Builder region(Region region) {
            if (regions.putIfAbsent(region.name(), region) != null) {
                throw new ArgumentError("cache region '" + region.name() + "' is defined twice");
            }
            return this;
        }

        /** Shorthand: a region with default ttl and sizes on {@code backend}. */
        public Builder region(String name, CacheBackend backend) {
            return region(Region.of(name, backend));
        }

        /**
         * Keys and counters are scoped by this name (default: dialect, every host:port and the database of
         * the engine's URL). Engines of one application on one database must share it; different
         * databases must not.
         */
        public Builder namespace(String v) {
            namespace = v;
            return this;
        }

        /** How long a failed backend is left alone before it is tried again (default 1 s). */
        public Builder retryInterval(Duration v) {
            retryInterval = v;
            return this;
        }

        /** Whether {@link QueryCache#close()} closes the backends (default true). */
        public Builder closeBackends(boolean v) {
            closeBackends = v;
            return this;
        }

        public QueryCache install(Engine engine) {
            if (regions.isEmpty()) {
                throw new ArgumentError("a query cache needs at least one region: builder().region(\"users\", backend)");
            }
            return new QueryCache(engine, this);
        }
    }
}
