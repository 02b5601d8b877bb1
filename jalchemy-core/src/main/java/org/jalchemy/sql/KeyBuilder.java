package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a statement's structural cache key and, in the same walk, its bound parameters.
 *
 * <p>The key is a flat token list: node classes, names, types and small integers, never bound
 * values. Node identity matters only where it changes the SQL: a bound parameter or anonymous
 * FROM clause used twice is recorded by ordinal of first appearance, so "same object twice" and
 * "two equal objects" get different keys, exactly as they get different SQL.
 *
 * <p>Not thread-safe; one builder per walk.
 */
public final class KeyBuilder {
    private final List<Object> tokens = new ArrayList<>(32);
    private final List<BindParameter<?>> binds = new ArrayList<>();
    private final Map<Object, Integer> bindOrdinals = new IdentityHashMap<>();
    private final Map<Object, Integer> identities = new IdentityHashMap<>();

    KeyBuilder() {
    }

    /** Appends one shape token (a class, name, type, enum or number). */
    public KeyBuilder add(Object token) {
        tokens.add(token);
        return this;
    }

    /** Walks a child node (null allowed). */
    public KeyBuilder add(ClauseElement child) {
        if (child == null) {
            tokens.add(Tok.NULL);
        } else {
            child.keyTo(this);
        }
        return this;
    }

    /** Walks a list of child nodes, recording its size. */
    public KeyBuilder addAll(List<? extends ClauseElement> children) {
        tokens.add(children.size());
        for (ClauseElement c : children) {
            add(c);
        }
        return this;
    }

    void bind(BindParameter<?> p) {
        Integer ord = bindOrdinals.get(p);
        if (ord == null) {
            ord = binds.size();
            bindOrdinals.put(p, ord);
            binds.add(p);
            tokens.add(Tok.BIND);
        } else {
            tokens.add(Tok.BIND_AGAIN);
            tokens.add(ord);
        }
    }

    /**
     * Records an object whose identity shapes the SQL (an anonymous alias); returns true on its
     * first appearance, when the caller should walk its contents.
     */
    boolean identity(Object o) {
        Integer ord = identities.get(o);
        if (ord == null) {
            identities.put(o, identities.size());
            tokens.add(Tok.IDENTITY);
            return true;
        }
        tokens.add(Tok.IDENTITY_AGAIN);
        tokens.add(ord);
        return false;
    }

    CacheKey key() {
        return new CacheKey(tokens.toArray());
    }

    List<BindParameter<?>> binds() {
        return binds;
    }

    Map<Object, Integer> bindOrdinals() {
        return bindOrdinals;
    }

    private enum Tok { NULL, BIND, BIND_AGAIN, IDENTITY, IDENTITY_AGAIN }

    /** An immutable structural key; equal keys compile to equal SQL. */
    static final class CacheKey {
        private final Object[] tokens;
        private final int hash;

        CacheKey(Object[] tokens) {
            this.tokens = tokens;
            this.hash = Arrays.hashCode(tokens);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CacheKey k && k.hash == hash && Arrays.equals(tokens, k.tokens);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "CacheKey" + Arrays.toString(tokens);
        }
    }
}
