package org.jalchemy.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool's admission gate (no database: places, order, timeout, interruption). */
class AdmissionGateTest {
    private static final long LONG = TimeUnit.SECONDS.toNanos(30);

    private static void awaitWaiting(AdmissionGate g, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (g.waiting() < n && System.nanoTime() < end) {
            Thread.sleep(1);
        }
        assertThat(g.waiting()).isEqualTo(n);
    }

    @Test
    void waitersAreAdmittedInArrivalOrder() throws Exception {
        AdmissionGate g = new AdmissionGate(1, LONG, "t");
        assertThat(g.enter()).isTrue();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int k = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    assertThat(g.enter()).isTrue();
                    order.add(k);
                    g.leave();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
            awaitWaiting(g, i + 1); // queued one after another
        }
        g.leave();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(g.waiting()).isZero();
    }

    @Test
    void aWaiterIsTurnedAwayAfterTheTimeoutAndTakesNoPlace() throws Exception {
        AdmissionGate g = new AdmissionGate(1, TimeUnit.MILLISECONDS.toNanos(300), "t");
        assertThat(g.enter()).isTrue();
        long t0 = System.nanoTime();
        assertThat(g.enter()).isFalse();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(290));
        g.leave();
        assertThat(g.enter()).isTrue(); // the place came back to the free ones, not to the one that gave up
        assertThat(g.waiting()).isZero();
    }

    @Test
    void anInterruptedWaiterLeavesTheQueue() throws Exception {
        AdmissionGate g = new AdmissionGate(1, LONG, "t");
        assertThat(g.enter()).isTrue();
        CountDownLatch failed = new CountDownLatch(1);
        Thread t = Thread.ofVirtual().start(() -> {
            assertThatThrownBy(g::enter).isInstanceOf(InterruptedException.class);
            failed.countDown();
        });
        awaitWaiting(g, 1);
        t.interrupt();
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(g.waiting()).isZero();
        g.leave();
        assertThat(g.enter()).isTrue();
    }

    @Test
    void tenThousandVirtualThreadsShareThreePlaces() throws Exception {
        AdmissionGate g = new AdmissionGate(3, LONG, "t");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    assertThat(g.enter()).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.yield();
                inside.decrementAndGet();
                g.leave();
                done.incrementAndGet();
            }));
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(done.get()).isEqualTo(10_000);
        assertThat(most.get()).isBetween(1, 3);
        assertThat(g.waiting()).isZero();
    }
}
