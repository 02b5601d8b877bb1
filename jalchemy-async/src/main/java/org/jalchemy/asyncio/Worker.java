package org.jalchemy.asyncio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs the work of one {@link AsyncSession} or {@link AsyncConnection}: each call becomes a task;
 * tasks run one at a time, in submission order, on virtual threads, over the synchronous session
 * or connection underneath.
 *
 * <p><b>Invariants.</b>
 * <ul>
 *   <li>At most one task body runs at a time: bodies run holding {@link #lock}, a
 *       {@link ReentrantLock} (never {@code synchronized}, so a virtual thread that waits on the
 *       database while holding it does not pin its carrier on JDK 21).</li>
 *   <li>Tasks start in submission order: a lock-free queue, drained by one virtual thread at a
 *       time, started when the queue goes from empty to non-empty and ending when it is empty
 *       again. An idle session holds no thread.</li>
 *   <li>A task's future is completed by the draining thread while it still holds the lock, so the
 *       callbacks attached before completion ({@code thenApply}, {@code thenCompose}, ...) run on
 *       the session's thread, in order, before the next queued task: there they may touch lazy
 *       attributes and call the session directly.</li>
 *   <li>A call made from the thread that holds the lock (a callback, a {@code runSync} body, a
 *       stream subscriber) runs at once, inline, and returns a completed future: queued behind the
 *       task that is running, a callback waiting for it would wait for itself.</li>
 *   <li>Cancellation ({@code cancel}, {@code complete}, {@code completeExceptionally},
 *       {@code orTimeout} on a task's future) is decided by a compare-and-set on the task's state:
 *       either the worker finishes the task (its outcome completes the future) or the canceller
 *       wins. A queued task that lost never runs; a running one has its statement cancelled
 *       ({@link Target#cancelRunning}: JDBC {@code Statement.cancel}) only while its body still
 *       runs — the worker leaves the body under {@link #cancelLock}, so a cancel never lands on a
 *       later task's statements. Either way the worker rolls the target back
 *       ({@link Target#rollbackAfterCancel}) before the next task, and the task's own outcome is
 *       discarded (logged at DEBUG on {@code jalchemy.async}).</li>
 * </ul>
 *
 * <p><b>Hazards.</b> A callback that blocks on a call of the same session submitted from another
 * thread (queued behind the task whose callback is running) waits forever; a callback or stream
 * subscriber that never returns holds the session, and its connection, as long as it runs.
 * Inline calls cannot be cancelled (they are complete when their future is returned).
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
final class Worker {
    static final Logger LOG = LoggerFactory.getLogger("jalchemy.async");
    private static final ThreadFactory THREADS = Thread.ofVirtual().name("jalchemy-async").factory();

    /** What a worker runs for: cancels its running statement, rolls it back after a cancellation. */
    interface Target {
        /** Cancels the statement running now and dooms the transaction (any thread). */
        void cancelRunning();

        /** Rolls back after a cancelled task (the worker's thread, lock held). */
        void rollbackAfterCancel();
    }

    private final Target target;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Task<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    /** Guards the end of a task body against a concurrent statement cancel. */
    private final ReentrantLock cancelLock = new ReentrantLock();
    /** The task whose body runs now (written by the worker, read under {@link #cancelLock}). */
    private volatile Task<?> current;

    Worker(Target target) {
        this.target = target;
    }

    /** Runs {@code body} after the work submitted before it; inline when called from the worker's own thread. */
    <T> CompletableFuture<T> submit(Supplier<T> body) {
        Task<T> t = new Task<>(this, body);
        if (lock.isHeldByCurrentThread()) {
            t.runInline();
            return t;
        }
        queue.add(t);
        if (pending.getAndIncrement() == 0) {
            THREADS.newThread(this::drain).start();
        }
        return t;
    }

    /**
     * Runs {@code work} in order with the session's other work and waits for it: at once when the
     * caller is the worker's thread, or when the worker is idle (then on the caller's thread,
     * holding the lock); otherwise as a task, waiting for it. For the plain (not future-returning)
     * methods: {@code add}, {@code expunge}.
     */
    void runNow(Runnable work) {
        if (lock.isHeldByCurrentThread()) {
            work.run();
            return;
        }
        if (pending.get() == 0 && lock.tryLock()) {
            try {
                work.run();
            } finally {
                lock.unlock();
            }
            return;
        }
        runOnWorker(work);
    }

    /** Runs {@code work} on the worker's thread (inline when that is the caller) and waits for it: lazy loads. */
    void runOnWorker(Runnable work) {
        if (lock.isHeldByCurrentThread()) {
            work.run();
            return;
        }
        await(submit(() -> {
            work.run();
            return null;
        }));
    }

    /** True when the calling thread is running this worker's work (a task body or callback). */
    boolean isWorkerThread() {
        return lock.isHeldByCurrentThread();
    }

    private void drain() {
        do {
            Task<?> t = queue.poll();
            lock.lock();
            try {
                t.run();
            } finally {
                lock.unlock();
            }
        } while (pending.decrementAndGet() > 0);
    }

    /** Cancels the running statement if {@code t}'s body still runs; see the class comment. */
    private void cancelStatementOf(Task<?> t) {
        cancelLock.lock();
        try {
            if (current == t) {
                target.cancelRunning();
            }
        } catch (RuntimeException e) {
            LOG.debug("cancelling the running statement failed", e);
        } finally {
            cancelLock.unlock();
        }
    }

    private void afterCancel(Throwable discarded) {
        if (discarded != null) {
            LOG.debug("outcome of a cancelled call discarded", discarded);
        }
        try {
            target.rollbackAfterCancel();
        } catch (RuntimeException e) {
            LOG.debug("rollback after a cancelled call failed", e);
        }
    }

    /** Waits for {@code f} and returns its value, rethrowing the exception it failed with unwrapped. */
    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The failure inside {@code CompletionException}/{@code ExecutionException} wrappers. */
    static Throwable causeOf(Throwable e) {
        Throwable c = e;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** The exception to rethrow for a failed future: its cause when that is unchecked, else a CompletionException. */
    static RuntimeException unwrap(Throwable e) {
        Throwable c = e;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return e instanceof CompletionException ce ? ce : new CompletionException(c);
    }

    /**
     * A future whose outcome is decided once, by whoever claims it first: the code that produces
     * the value ({@link #claimFinish}) or an outside completion ({@code cancel}, {@code complete},
     * {@code completeExceptionally}, {@code orTimeout}), which then runs {@link #cancelled}.
     * Dependent stages are plain {@link CompletableFuture}s.
     */
    abstract static class Claimed<T> extends CompletableFuture<T> {
        static final int ACTIVE = 0;
        static final int RUNNING = 1;
        static final int FINISHING = 2;
        static final int CANCELLED = 3;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Claimed.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused") // through STATE
        private volatile int state;

        final boolean transition(int from, int to) {
            return STATE.compareAndSet(this, from, to);
        }

        /** The producer claims the outcome; false when an outside completion came first. */
        final boolean claimFinish() {
            int s;
            do {
                s = state;
                if (s >= FINISHING) {
                    return false;
                }
            } while (!STATE.compareAndSet(this, s, FINISHING));
            return true;
        }

        /** An outside completion claims the outcome; false when the producer (or another one) came first. */
        private boolean claimCancel() {
            int s;
            do {
                s = state;
                if (s >= FINISHING) {
                    return false;
                }
            } while (!STATE.compareAndSet(this, s, CANCELLED));
            cancelled(s);
            return true;
        }

        /** Called once when an outside completion won, with the state it found. */
        abstract void cancelled(int stateBefore);

        final void finish(T value, Throwable failure) {
            if (failure == null) {
                super.complete(value);
            } else {
                super.completeExceptionally(failure instanceof CompletionException ce && ce.getCause() != null
                        ? ce.getCause() : failure);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return claimCancel() && super.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean complete(T value) {
            return claimCancel() && super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable ex) {
            return claimCancel() && super.completeExceptionally(ex);
        }
    }

    /**
     * The future of a scope made of several calls ({@code inTransaction}, {@code transaction},
     * {@code withSession}): completed by the scope's last step, or from outside, which runs
     * {@code onCancel} (dooms the session: its running statement is cancelled and nothing of the
     * scope can commit any more).
     */
    static final class Scope<T> extends Claimed<T> {
        private final Runnable onCancel;

        Scope(Runnable onCancel) {
            this.onCancel = onCancel;
        }

        @Override
        void cancelled(int stateBefore) {
            try {
                onCancel.run();
            } catch (RuntimeException e) {
                LOG.debug("cancelling a scope failed", e);
            }
        }

        /** Completes from the scope's chain; false when it was completed from outside meanwhile. */
        boolean settle(T value, Throwable failure) {
            if (claimFinish()) {
                finish(value, failure);
                return true;
            }
            if (failure != null) {
                LOG.debug("outcome of a cancelled scope discarded", failure);
            }
            return false;
        }
    }

    /** One call: its body and its future. */
    static final class Task<T> extends Claimed<T> {
        private final Worker worker;
        private Supplier<T> body;

        Task(Worker worker, Supplier<T> body) {
            this.worker = worker;
            this.body = body;
        }

        /** On the worker's thread, lock held. */
        void run() {
            Supplier<T> b = body;
            body = null;
            if (!transition(ACTIVE, RUNNING)) { // cancelled while queued: never runs
                worker.afterCancel(null);
                return;
            }
            worker.current = this;
            T value = null;
            Throwable failure = null;
            try {
                value = b.get();
            } catch (Throwable e) {
                failure = e;
            }
            worker.cancelLock.lock();
            try {
                worker.current = null;
            } finally {
                worker.cancelLock.unlock();
            }
            if (claimFinish()) {
                finish(value, failure);
            } else {
                worker.afterCancel(failure);
            }
        }

        /** Runs at once on the thread that holds the lock; cannot be cancelled. */
        void runInline() {
            Supplier<T> b = body;
            body = null;
            claimFinish();
            T value;
            try {
                value = b.get();
            } catch (Throwable e) {
                finish(null, e);
                return;
            }
            finish(value, null);
        }

        @Override
        void cancelled(int stateBefore) {
            if (stateBefore == RUNNING) {
                worker.cancelStatementOf(this);
            }
        }
    }
}
