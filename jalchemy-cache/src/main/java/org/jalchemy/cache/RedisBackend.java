package org.jalchemy.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import org.jalchemy.exc.ArgumentError;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The shared backend: entries and table counters in Redis through one Lettuce connection
 * (thread-safe, pipelined by Lettuce). Keys are {@code <prefix>q:<region>:<hash>} for entries
 * (with Redis's own expiry set to the region's ttl) and {@code <prefix>v:<counter>} for the
 * counters ({@code INCR}, never expiring). A lookup is one {@code MGET} of the counters and the
 * entry: one round trip.
 *
 * <p>Faults: every command is bounded by {@code timeout}; while the connection is down commands
 * fail at once rather than queue (Lettuce's {@code REJECT_COMMANDS}), and Lettuce reconnects by
 * itself every {@code reconnectDelay}. Failures surface as exceptions, which {@link QueryCache}
 * turns into database reads and one WARN per outage. The first connection is opened on first
 * use, so an application starts while Redis is down. {@code maxEntries} is not enforced here:
 * configure Redis's {@code maxmemory} and an {@code allkeys-*} or {@code volatile-*} policy.
 */
public final class RedisBackend implements CacheBackend {
    private final RedisURI uri;
    private final String prefix;
    private final Duration timeout;
    private final ClientResources resources;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, byte[]> connection;

    private RedisBackend(RedisURI uri, String prefix, Duration timeout, Duration connectTimeout, Duration reconnectDelay) {
        this.uri = uri;
        this.prefix = prefix;
        this.timeout = timeout;
        this.resources = DefaultClientResources.builder().reconnectDelay(Delay.constant(reconnectDelay)).build();
        this.client = RedisClient.create(resources, uri);
        this.connectTimeout = connectTimeout;
        client.setOptions(options(FIRST_CONNECT.compareTo(connectTimeout) > 0 ? FIRST_CONNECT : connectTimeout));
    }

    /** The first connection of a JVM starts Netty's event loops, seconds on a loaded machine: it gets longer. */
    private static final Duration FIRST_CONNECT = Duration.ofSeconds(5);
    private final Duration connectTimeout;

    private ClientOptions options(Duration connect) {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connect).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build();
    }

    /**
     * Redis at {@code url} ({@code redis://host:port[/db]}), key prefix {@code jalchemy:}, 250 ms
     * per command (and 1 s to connect).
     */
    public static RedisBackend connect(String url) {
        return connect(url, "jalchemy:", Duration.ofMillis(250));
    }

    /**
     * Redis at {@code url}; every key starts with {@code prefix}; {@code timeout} bounds each
     * command (a slower Redis counts as down), and opening the connection may take up to
     * {@code max(timeout, 1 s)} (5 s for the very first attempt: it starts Netty).
     */
    public static RedisBackend connect(String url, String prefix, Duration timeout) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new ArgumentError("Not a Redis URL: '" + url + "' (expected redis://host:port[/database]): "
                    + e.getMessage());
        }
        // the URI's timeout bounds the connection handshake too (the first one of a JVM starts Netty: seconds
        // on a loaded machine); commands are bounded by TimeoutOptions and the connection's own timeout
        uri.setTimeout(FIRST_CONNECT.compareTo(timeout) > 0 ? FIRST_CONNECT : timeout);
        Duration connect = timeout.compareTo(Duration.ofSeconds(1)) > 0 ? timeout : Duration.ofSeconds(1);
        return new RedisBackend(uri, prefix, timeout, connect, Duration.ofMillis(250));
    }

    private RedisCommands<String, byte[]> redis() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c == null) {
            synchronized (this) {
                c = connection;
                if (c == null) {
                    try {
                        c = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    } finally {
                        client.setOptions(options(connectTimeout)); // later attempts: the configured bound
                    }
                    c.setTimeout(timeout);
                    connection = c;
                }
            }
        }
        return c.sync();
    }

    @Override
    public Lookup lookup(Region region, String key, List<String> counters) {
        String[] keys = new String[counters.size() + 1];
        for (int i = 0; i < counters.size(); i++) {
            keys[i] = prefix + "v:" + counters.get(i);
        }
        keys[counters.size()] = entryKey(region, key);
        List<KeyValue<String, byte[]>> got = redis().mget(keys);
        long[] v = new long[counters.size()];
        for (int i = 0; i < v.length; i++) {
            KeyValue<String, byte[]> kv = got.get(i);
            v[i] = kv.hasValue() ? Long.parseLong(new String(kv.getValue(), StandardCharsets.US_ASCII)) : 0;
        }
        KeyValue<String, byte[]> entry = got.get(counters.size());
        return new Lookup(v, entry.hasValue() ? entry.getValue() : null);
    }

    @Override
    public void put(Region region, String key, byte[] value) {
        redis().set(entryKey(region, key), value, SetArgs.Builder.px(region.ttl().toMillis()));
    }

    @Override
    public void increment(Collection<String> counters) {
        RedisCommands<String, byte[]> r = redis();
        for (String c : counters) {
            r.incr(prefix + "v:" + c);
        }
    }

    @Override
    public void initialize(String counter, long value) {
        redis().set(prefix + "v:" + counter, Long.toString(value).getBytes(StandardCharsets.US_ASCII),
                SetArgs.Builder.nx());
    }

    private String entryKey(Region region, String key) {
        return prefix + "q:" + region.name() + ":" + key;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String toString() {
        return "RedisBackend[" + uri.getHost() + ":" + uri.getPort() + ", prefix " + prefix + "]";
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
