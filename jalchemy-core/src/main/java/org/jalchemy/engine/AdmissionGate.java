package org.jalchemy.engine;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool's admission gate: {@code permits} places, handed out first come first served, a
 * waiter giving up after {@code timeoutNanos}. Unlike {@code Semaphore.tryAcquire(timeout)} a
 * waiter parks without a timeout of its own: one timekeeper thread per gate, alive only while
 * someone waits, sleeps until the oldest waiter's deadline and turns it away then (every waiter
 * has the same timeout, so the queue is in deadline order). A virtual thread's timed park
 * registers a timer task with the scheduler and cancels it when woken; with 10,000 virtual
 * threads waiting for 20 connections those timers cost more than the hand-off itself.
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
final class AdmissionGate {
    private static final int WAITING = 0;
    private static final int ADMITTED = 1;
    private static final int TURNED_AWAY = 2;

    /** One queued caller. {@code state} is written under {@link #lock}. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        final long deadline;
        volatile int state = WAITING;

        Waiter(long deadline) {
            this.deadline = deadline;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final long timeoutNanos;
    private final String name;
    private int available;
    private boolean timekeeping;

    AdmissionGate(int permits, long timeoutNanos, String name) {
        this.available = permits;
        this.timeoutNanos = timeoutNanos;
        this.name = name;
    }

    /**
     * Takes a place, waiting at most the gate's timeout. False when it ran out; throws
     * InterruptedException when the caller was interrupted while waiting (no place taken).
     */
    boolean enter() throws InterruptedException {
        Waiter w;
        lock.lock();
        try {
            if (available > 0 && queue.isEmpty()) {
                available--;
                return true;
            }
            w = new Waiter(System.nanoTime() + timeoutNanos);
            queue.add(w);
            if (!timekeeping) {
                timekeeping = true;
                Thread.ofVirtual().name(name + "-timekeeper").start(this::keepTime);
            }
        } finally {
            lock.unlock();
        }
        while (w.state == WAITING) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                lock.lock();
                try {
                    if (w.state == WAITING) {
                        queue.remove(w);
                        w.state = TURNED_AWAY;
                        throw new InterruptedException();
                    }
                } finally {
                    lock.unlock();
                }
                // admitted or turned away meanwhile: that outcome stands, the interrupt is kept
                Thread.currentThread().interrupt();
                break;
            }
        }
        return w.state == ADMITTED;
    }

    /** Gives a place back: to the oldest waiter, or to the pool of free places. */
    void leave() {
        Waiter next;
        lock.lock();
        try {
            next = queue.poll();
            if (next == null) {
                available++;
                return;
            }
            next.state = ADMITTED;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(next.thread);
    }

    /** Callers waiting now. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** The timekeeper: turns away waiters whose deadline passed; ends when nobody waits. */
    private void keepTime() {
        while (true) {
            long sleep;
            Waiter expired = null;
            lock.lock();
            try {
                Waiter head = queue.peek();
                if (head == null) {
                    timekeeping = false;
                    return;
                }
                sleep = head.deadline - System.nanoTime();
                if (sleep <= 0) {
                    queue.poll();
                    head.state = TURNED_AWAY;
                    expired = head;
                }
            } finally {
                lock.unlock();
            }
            if (expired != null) {
                LockSupport.unpark(expired.thread);
            } else {
                LockSupport.parkNanos(this, sleep);
            }
        }
    }
}
