package org.jalchemy.orm.shard;

import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.SessionFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes {@link ShardedSession}s (SQLAlchemy's {@code sessionmaker(class_=ShardedSession, shards=...)}):
 * shard ids mapped to engines (or to session factories, e.g. one splitting reads to replicas),
 * and the three choosers.
 * <pre>{@code
 * ShardedSessionFactory Session = ShardedSessionFactory.builder()
 *         .shard("eu", euEngine).shard("us", usEngine)
 *         .shardChooser((mapper, obj) -> ((Customer) obj).region)
 *         .identityChooser((mapper, id) -> List.of("eu", "us"))
 *         .queryChooser(stmt -> List.of("eu", "us"))
 *         .build();
 * }</pre>
 * Immutable and thread-safe; the sessions are not. Every shard must hold the same tables
 * ({@code metadata().createAll(engine)} on each).
 */
public final class ShardedSessionFactory {
    private final Map<String, SessionFactory> shards;
    private final ShardChooser shardChooser;
    private final IdentityChooser identityChooser;
    private final QueryChooser queryChooser;

    private ShardedSessionFactory(Builder b) {
        this.shards = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.shards));
        this.shardChooser = b.shardChooser;
        this.identityChooser = b.identityChooser;
        this.queryChooser = b.queryChooser;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new session over every shard (each shard's own session is opened on first use); close it. */
    public ShardedSession open() {
        return new ShardedSession(this);
    }

    /** Runs {@code work} in a new session and commits (every shard it touched, in shard order), or rolls back when it throws. */
    public <R> R transaction(Function<? super ShardedSession, R> work) {
        try (ShardedSession s = open()) {
            R r = work.apply(s);
            s.commit();
            return r;
        }
    }

    /** {@link #transaction(Function)} for work that returns nothing. */
    public void inTransaction(Consumer<? super ShardedSession> work) {
        transaction(s -> {
            work.accept(s);
            return null;
        });
    }

    /** The shard ids, in the order they were added. */
    public List<String> shardIds() {
        return List.copyOf(shards.keySet());
    }

    /** The session factory of shard {@code id}; raises {@link ArgumentError} naming the shards for an unknown id. */
    public SessionFactory factory(String id) {
        SessionFactory f = shards.get(id);
        if (f == null) {
            throw new ArgumentError("No shard '" + id + "'; the shards are: " + String.join(", ", shards.keySet()));
        }
        return f;
    }

    ShardChooser shardChooser() {
        return shardChooser;
    }

    IdentityChooser identityChooser() {
        return identityChooser;
    }

    QueryChooser queryChooser() {
        return queryChooser;
    }

    /** Options of a {@link ShardedSessionFactory}: at least one shard and all three choosers. */
    public static final class Builder {
        private final Map<String, SessionFactory> shards = new LinkedHashMap<>();
        private ShardChooser shardChooser;
        private IdentityChooser identityChooser;
        private QueryChooser queryChooser;

        private Builder() {
        }

        /** Adds shard {@code id} on {@code engine} (sessions with default options). */
        public Builder shard(String id, Engine engine) {
            return shard(id, SessionFactory.bind(engine));
        }

        /** Adds shard {@code id} whose sessions {@code factory} makes (its options apply to that shard). */
        public Builder shard(String id, SessionFactory factory) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(factory, "factory");
            if (shards.putIfAbsent(id, factory) != null) {
                throw new ArgumentError("Shard '" + id + "' is added twice");
            }
            return this;
        }

        public Builder shardChooser(ShardChooser chooser) {
            shardChooser = chooser;
            return this;
        }

        public Builder identityChooser(IdentityChooser chooser) {
            identityChooser = chooser;
            return this;
        }

        public Builder queryChooser(QueryChooser chooser) {
            queryChooser = chooser;
            return this;
        }

        public ShardedSessionFactory build() {
            if (shards.isEmpty()) {
                throw new ArgumentError("A ShardedSessionFactory needs at least one shard: .shard(id, engine)");
            }
            List<String> missing = new java.util.ArrayList<>();
            if (shardChooser == null) {
                missing.add("shardChooser");
            }
            if (identityChooser == null) {
                missing.add("identityChooser");
            }
            if (queryChooser == null) {
                missing.add("queryChooser");
            }
            if (!missing.isEmpty()) {
                throw new ArgumentError("A ShardedSessionFactory needs " + String.join(", ", missing)
                        + " (where new objects go, where get() looks, where queries run)");
            }
            return new ShardedSessionFactory(this);
        }
    }
}
