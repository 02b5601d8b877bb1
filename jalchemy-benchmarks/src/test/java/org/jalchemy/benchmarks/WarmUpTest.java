package org.jalchemy.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The warm-up's bookkeeping (not its timing): runs counted, budget, cap and stability bound respected, failures passed on. */
class WarmUpTest {

    @Test
    void aRunLongerThanTheBudgetIsWarmedUpOnce() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        int runs = WarmUp.alone(first::incrementAndGet, full::incrementAndGet, 0);
        assertThat(runs).isEqualTo(1);
        assertThat(first.get()).isEqualTo(1);
        assertThat(full.get()).isZero();
    }

    @Test
    void steadyRunsSettleAfterTwoSimilarFullRuns() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        int runs = WarmUp.alone(first::incrementAndGet, () -> {
            full.incrementAndGet();
            Thread.sleep(20); // a run the JIT has nothing to do for, bar its first time
        }, 60);
        assertThat(first.get()).isEqualTo(1);
        assertThat(full.get()).as("two full runs at least: stability compares two").isGreaterThanOrEqualTo(2);
        assertThat(runs).isEqualTo(1 + full.get()).isLessThanOrEqualTo(WarmUp.MAX_RUNS);
    }

    @Test
    void runsThatNeverStabiliseStopAtTheCap() throws Exception {
        AtomicInteger full = new AtomicInteger();
        int runs = WarmUp.alone(() -> { }, () -> {
            // alternately 2 and 20 ms: never within the bound of each other
            Thread.sleep(full.incrementAndGet() % 2 == 0 ? 2 : 20);
        }, 60);
        assertThat(runs).isEqualTo(WarmUp.MAX_RUNS);
    }

    @Test
    void theBudgetEndsAWarmUpThatWouldOverrunIt() throws Exception {
        AtomicInteger full = new AtomicInteger();
        int runs = WarmUp.alone(() -> { }, () -> Thread.sleep(full.incrementAndGet() % 2 == 0 ? 5 : 50), 0.2);
        assertThat(runs).isLessThan(WarmUp.MAX_RUNS).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailingRunStopsTheWarmUp() {
        assertThatThrownBy(() -> WarmUp.alone(() -> {
            throw new IllegalStateException("wrong checksum");
        }, () -> { }, 60)).hasMessage("wrong checksum");
    }
}
