package org.jalchemy.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The warm-up's bookkeeping (not its timing): runs counted, budget and bound respected, failures passed on. */
class WarmUpTest {

    @Test
    void aRunLongerThanTheBudgetIsWarmedUpOnce() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        int runs = WarmUp.untilJitQuiet(first::incrementAndGet, full::incrementAndGet, 0);
        assertThat(runs).isEqualTo(1);
        assertThat(first.get()).isEqualTo(1);
        assertThat(full.get()).isZero();
    }

    @Test
    void countsEveryRunAndStaysWithinTheBound() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        int runs = WarmUp.untilJitQuiet(first::incrementAndGet, () -> {
            full.incrementAndGet();
            Thread.sleep(2); // a run the JIT has nothing to do for, bar its first time
        }, 60);
        assertThat(first.get()).isEqualTo(1);
        assertThat(runs).isEqualTo(1 + full.get()).isBetween(2, WarmUp.MAX_RUNS);
    }

    @Test
    void aFailingRunStopsTheWarmUp() {
        assertThatThrownBy(() -> WarmUp.untilJitQuiet(() -> {
            throw new IllegalStateException("wrong checksum");
        }, () -> { }, 60)).hasMessage("wrong checksum");
    }
}
