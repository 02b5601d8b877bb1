package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.CommitOutcomeUnknownError;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.ErrorKind;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.OperationalError;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RetryPolicy on its own: which errors it retries, how many times, how long it waits, what it reports. */
class RetryPolicyTest {

    private static DBAPIError error(ErrorKind kind, String state, int vendor, boolean retryable) {
        return kind.create(new DBAPIError.Details("(" + kind.displayName() + ") test " + state,
                new SQLException("test", state, vendor), "SELECT 1", null, false, retryable));
    }

    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(4).backoff(Duration.ZERO, Duration.ZERO).build();

    @Test
    void retriesRetryableErrorsUntilTheWorkSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).backoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .listener((attempt, err, delay) -> seen.add(attempt)).build();
        String r = policy.execute(n -> {
            if (calls.incrementAndGet() < 3) {
                throw error(ErrorKind.OPERATIONAL, "40001", 0, true);
            }
            return "done on " + n;
        });
        assertThat(r).isEqualTo("done on 3");
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheEarlierErrorsAttached() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> FAST.execute(n -> {
            calls.incrementAndGet();
            throw error(ErrorKind.OPERATIONAL, "40P01", 0, true);
        })).isInstanceOf(OperationalError.class).satisfies(e -> assertThat(e.getSuppressed()).hasSize(3));
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void neverRetriesWhatWouldFailTheSameWay() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> FAST.execute(n -> {
            calls.incrementAndGet();
            throw error(ErrorKind.INTEGRITY, "23505", 0, false);
        })).isInstanceOf(IntegrityError.class);
        assertThatThrownBy(() -> FAST.execute(n -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aCommitOfUnknownOutcomeIsRetriedOnlyForIdempotentWork() {
        DBAPIError unknown = new CommitOutcomeUnknownError(new DBAPIError.Details("lost during COMMIT",
                new SQLException("io", "08006"), "COMMIT", null, true, false));
        assertThat(FAST.isRetryable(unknown)).isFalse();
        assertThat(RetryPolicy.builder().idempotent(true).build().isRetryable(unknown)).isTrue();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> FAST.execute(n -> {
            calls.incrementAndGet();
            throw unknown;
        })).isSameAs(unknown);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void extraSqlStatesVendorCodesAndPredicates() {
        RetryPolicy p = RetryPolicy.builder().retrySqlStates("XX123").retryVendorCodes(4242)
                .retryOn(e -> e instanceof IllegalStateException).build();
        assertThat(p.isRetryable(error(ErrorKind.DATABASE, "XX123", 0, false))).isTrue();
        assertThat(p.isRetryable(error(ErrorKind.DATABASE, "HY000", 4242, false))).isTrue();
        assertThat(p.isRetryable(new IllegalStateException())).isTrue();
        assertThat(p.isRetryable(error(ErrorKind.DATABASE, "HY000", 1, false))).isFalse();
    }

    @Test
    void backoffGrowsIsCappedAndJittered() {
        RetryPolicy p = RetryPolicy.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(80)).multiplier(2)
                .jitter(0.5).build();
        for (int i = 0; i < 50; i++) {
            assertThat(p.backoff(1)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
            assertThat(p.backoff(3)).isBetween(Duration.ofMillis(20), Duration.ofMillis(40));
            assertThat(p.backoff(30)).isBetween(Duration.ofMillis(40), Duration.ofMillis(80));
        }
        RetryPolicy noJitter = RetryPolicy.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(80)).jitter(0).build();
        assertThat(noJitter.backoff(2)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void maxElapsedStopsTheLoop() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(1000).backoff(Duration.ofMillis(20), Duration.ofMillis(20))
                .jitter(0).maxElapsed(Duration.ofMillis(100)).build();
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> p.execute(n -> {
            calls.incrementAndGet();
            throw error(ErrorKind.OPERATIONAL, "40001", 0, true);
        })).isInstanceOf(OperationalError.class);
        assertThat(calls.get()).isBetween(2, 10);
    }

    @Test
    void anInterruptDuringBackoffEndsTheLoop() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(3).backoff(Duration.ofSeconds(10), Duration.ofSeconds(10)).build();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> p.execute(n -> {
                throw error(ErrorKind.OPERATIONAL, "40001", 0, true);
            })).isInstanceOf(OperationalError.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).anyMatch(s -> s instanceof InterruptedException));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build()).isInstanceOf(ArgumentError.class);
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build()).isInstanceOf(ArgumentError.class);
        assertThatThrownBy(() -> RetryPolicy.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .isInstanceOf(ArgumentError.class);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }
}
