package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.CommitOutcomeUnknownError;
import org.jalchemy.exc.DBAPIError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * When and how often to run a whole transaction again: the policy of {@code engine.runTransaction}
 * and {@code factory.runTransaction} (the retry loop CockroachDB, Spanner and SQLAlchemy's
 * documentation recommend, as a library call).
 *
 * <h2>What is retried</h2>
 * By default every error whose {@link DBAPIError#retryable()} is true: serialization failures and
 * deadlocks (SQLSTATE 40001, 40P01; MySQL/MariaDB 1213, which is also a Galera certification
 * conflict, and lock wait timeout 1205; SQLite BUSY; whatever else the dialect declares in
 * {@code Dialect.isRetryable}), a connection lost before COMMIT (the database rolled the
 * transaction back) and a failure to connect at all. Add SQLSTATEs, vendor codes or any predicate
 * with the builder. A {@link CommitOutcomeUnknownError} — the connection was lost during COMMIT,
 * which may have committed — is retried only when the work is declared {@linkplain
 * Builder#idempotent(boolean) idempotent}: running it twice must then be harmless (see
 * docs/reliability.md for the patterns). Nothing else is retried: a constraint violation fails
 * the same way every time.
 *
 * <h2>How</h2>
 * At most {@link #maxAttempts()} attempts (the first run included), and no new attempt after
 * {@link #maxElapsed()} (if set). Between attempts the thread sleeps
 * {@code min(maxBackoff, initialBackoff * multiplier^(retry-1))}, reduced by a random fraction of
 * up to {@link #jitter()} of itself, so colliding transactions spread out instead of colliding
 * again in step. The last error is rethrown when the policy gives up, with the earlier ones
 * attached as suppressed exceptions. An interrupt during the backoff ends the loop at once
 * (interrupt status kept).
 *
 * <h2>Hazards</h2>
 * The work runs once per attempt: it must start from scratch each time (load what it needs
 * inside, keep no objects from a failed attempt) and have no side effects outside the
 * transaction (e-mails, HTTP calls) unless those are safe to repeat. Immutable and thread-safe;
 * share one policy between threads.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxElapsed;
    private final boolean idempotent;
    private final Set<String> sqlStates;
    private final Set<Integer> vendorCodes;
    private final Predicate<? super Throwable> extra;
    private final RetryListener listener;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxElapsed = b.maxElapsed;
        this.idempotent = b.idempotent;
        this.sqlStates = Set.copyOf(b.sqlStates);
        this.vendorCodes = Set.copyOf(b.vendorCodes);
        this.extra = b.extra;
        this.listener = b.listener;
    }

    /** 10 attempts, backoff from 20 ms doubling up to 1 s with 50% jitter, default errors, not idempotent. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No retries: one attempt (for code paths that must not repeat). */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double multiplier() {
        return multiplier;
    }

    public double jitter() {
        return jitter;
    }

    /** No new attempt starts after this long since the first (null: only maxAttempts bounds the loop). */
    public Duration maxElapsed() {
        return maxElapsed;
    }

    /** True when the work is declared safe to run twice, so a COMMIT of unknown outcome is retried too. */
    public boolean idempotent() {
        return idempotent;
    }

    /** True when {@code error} is one this policy retries (ignoring the attempt count). */
    public boolean isRetryable(Throwable error) {
        if (error instanceof CommitOutcomeUnknownError) {
            return idempotent;
        }
        if (error instanceof DBAPIError d) {
            if (d.retryable()) {
                return true;
            }
            if (d.sqlState() != null && sqlStates.contains(d.sqlState()) || vendorCodes.contains(d.vendorCode())) {
                return true;
            }
        }
        return extra != null && extra.test(error);
    }

    /** The sleep before retry number {@code retry} (1 for the first retry), jitter applied. */
    public Duration backoff(int retry) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        double factor = 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (capped * factor));
    }

    /** One attempt of the work; {@code attempt} counts from 1. */
    @FunctionalInterface
    public interface Attempt<R> {
        R run(int attempt);
    }

    /**
     * Runs {@code attempt} until it returns, retrying the errors this policy retries with backoff
     * in between; rethrows the last error when it gives up (see the class comment).
     */
    public <R> R execute(Attempt<R> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        long start = System.nanoTime();
        List<RuntimeException> earlier = null;
        for (int n = 1; ; n++) {
            try {
                R result = attempt.run(n);
                if (n > 1 && listener != null) {
                    listener.succeeded(n);
                }
                return result;
            } catch (RuntimeException e) {
                boolean outOfTime = maxElapsed != null && System.nanoTime() - start >= maxElapsed.toNanos();
                boolean retryable = isRetryable(e);
                if (n >= maxAttempts || outOfTime || !retryable) {
                    if (earlier != null) {
                        for (RuntimeException prior : earlier) {
                            if (prior != e) {
                                e.addSuppressed(prior);
                            }
                        }
                    }
                    if (listener != null && (n > 1 || retryable)) {
                        listener.gaveUp(n, e);
                    }
                    throw e;
                }
                if (earlier == null) {
                    earlier = new ArrayList<>(4);
                }
                if (earlier.size() < 8) {
                    earlier.add(e);
                }
                Duration delay = backoff(n);
                if (maxElapsed != null) {
                    long left = maxElapsed.toNanos() - (System.nanoTime() - start);
                    delay = Duration.ofNanos(Math.max(0, Math.min(delay.toNanos(), left)));
                }
                if (listener != null) {
                    listener.retrying(n, e, delay);
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(ie);
                    throw e;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + ".." + maxBackoff + " x"
                + multiplier + ", jitter=" + jitter + (maxElapsed != null ? ", maxElapsed=" + maxElapsed : "")
                + (idempotent ? ", idempotent" : "") + "]";
    }

    /**
     * Told about each retry (metrics, logs, tests). Called on the thread running the work; keep it
     * quick and never throw from it.
     */
    public interface RetryListener {
        /** Attempt {@code attempt} failed with {@code error}, which will be retried after {@code delay}. */
        void retrying(int attempt, Throwable error, Duration delay);

        /** The work succeeded on attempt {@code attempt} (only called when it took more than one). */
        default void succeeded(int attempt) {
        }

        /** The policy gave up after {@code attempts} attempts; {@code error} is about to be thrown. */
        default void gaveUp(int attempts, Throwable error) {
        }
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int maxAttempts = 10;
        private Duration initialBackoff = Duration.ofMillis(20);
        private Duration maxBackoff = Duration.ofSeconds(1);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxElapsed;
        private boolean idempotent;
        private final java.util.LinkedHashSet<String> sqlStates = new java.util.LinkedHashSet<>();
        private final java.util.LinkedHashSet<Integer> vendorCodes = new java.util.LinkedHashSet<>();
        private Predicate<? super Throwable> extra;
        private RetryListener listener;

        private Builder() {
        }

        /** Attempts in all, the first run included (1: no retry). */
        public Builder maxAttempts(int n) {
            maxAttempts = n;
            return this;
        }

        /** The first backoff and the cap every later one stays under. */
        public Builder backoff(Duration initial, Duration max) {
            initialBackoff = Objects.requireNonNull(initial, "initial");
            maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /** Growth of the backoff per retry (default 2). */
        public Builder multiplier(double m) {
            multiplier = m;
            return this;
        }

        /** Fraction (0..1) of each backoff taken off at random (default 0.5; 1 is "full jitter"). */
        public Builder jitter(double j) {
            jitter = j;
            return this;
        }

        /** No new attempt after this long since the first; null for none. */
        public Builder maxElapsed(Duration d) {
            maxElapsed = d;
            return this;
        }

        /**
         * Declares the work safe to run twice (see docs/reliability.md), so a COMMIT of unknown
         * outcome ({@link CommitOutcomeUnknownError}) is retried too.
         */
        public Builder idempotent(boolean v) {
            idempotent = v;
            return this;
        }

        /** Also retries errors with these SQLSTATEs (e.g. a cluster's own conflict code). */
        public Builder retrySqlStates(String... states) {
            sqlStates.addAll(List.of(states));
            return this;
        }

        /** Also retries errors with these vendor codes. */
        public Builder retryVendorCodes(int... codes) {
            for (int c : codes) {
                vendorCodes.add(c);
            }
            return this;
        }

        /** Also retries whatever {@code predicate} accepts (e.g. the ORM's {@code StaleDataError}). */
        public Builder retryOn(Predicate<? super Throwable> predicate) {
            Predicate<? super Throwable> before = extra;
            extra = before == null ? predicate : e -> before.test(e) || predicate.test(e);
            return this;
        }

        /** Told about each retry (metrics, tests); see {@link RetryListener}. */
        public Builder listener(RetryListener l) {
            listener = l;
            return this;
        }

        public RetryPolicy build() {
            if (maxAttempts < 1) {
                throw new ArgumentError("maxAttempts must be at least 1, got " + maxAttempts);
            }
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new ArgumentError("backoff needs 0 <= initial <= max, got " + initialBackoff + ".." + maxBackoff);
            }
            if (multiplier < 1.0) {
                throw new ArgumentError("multiplier must be >= 1, got " + multiplier);
            }
            if (jitter < 0 || jitter > 1) {
                throw new ArgumentError("jitter must be between 0 and 1, got " + jitter);
            }
            if (maxElapsed != null && maxElapsed.isNegative()) {
                throw new ArgumentError("maxElapsed must not be negative, got " + maxElapsed);
            }
            return new RetryPolicy(this);
        }
    }
}
