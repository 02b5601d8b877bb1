package org.jalchemy.asyncio;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rows of one statement as a {@link Flow.Publisher} (Reactive Streams semantics): each
 * subscription runs the statement once, as a task of the session's (or connection's)
 * {@link Worker}, and hands rows to {@code onNext} only as far as the subscriber has requested.
 *
 * <p><b>Memory.</b> Rows are read one list at a time ({@code partitions(n)} over a cursor opened
 * with a fetch size of {@code n}); the list being handed out is the only one in memory, so a
 * stream of any length runs in constant memory (what the bounded-heap test checks with a million
 * rows).
 *
 * <p><b>Threads.</b> Every signal ({@code onNext}, {@code onComplete}, {@code onError}) comes from
 * the worker's thread, one at a time, after {@code onSubscribe} (which runs on the subscribing
 * thread). While the subscriber has no demand the worker's virtual thread parks, holding the
 * session: the session runs nothing else until the stream completes, fails or is cancelled.
 * {@code request} and {@code cancel} may be called from any thread, also from within
 * {@code onNext}. Cancelling closes the cursor; it does not cancel a statement still executing,
 * nor roll anything back.
 *
 * <p><b>Rules kept:</b> a non-positive {@code request(n)} ends the stream with
 * {@code onError(IllegalArgumentException)} (§3.9); demand adds up, saturating at
 * {@code Long.MAX_VALUE} (unbounded, §3.17); an exception thrown by the subscriber's
 * {@code onNext} cancels the subscription and is passed to its {@code onError}.
 *
 * @param <C> the cursor (a Core or ORM result), closed when the stream ends
 * @param <R> a row as the cursor yields it
 * @param <T> an item as the subscriber receives it
 */
final class RowPublisher<C extends AutoCloseable, R, T> implements Flow.Publisher<T> {
    static final int DEFAULT_CHUNK = 1000;

    private final Worker worker;
    private final Supplier<C> open;
    private final Function<C, Iterable<List<R>>> chunks;
    private final Function<R, T> map;

    /** {@code open} runs the statement (on the worker's thread); {@code map} null hands rows out as they are. */
    RowPublisher(Worker worker, Supplier<C> open, Function<C, Iterable<List<R>>> chunks, Function<R, T> map) {
        this.worker = worker;
        this.open = open;
        this.chunks = chunks;
        this.map = map;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Subscription s = new Subscription(subscriber);
        subscriber.onSubscribe(s);
        worker.submit(() -> {
            s.pump();
            return null;
        });
    }

    private final class Subscription implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private volatile boolean cancelled;
        private volatile IllegalArgumentException badRequest;
        private volatile Thread waiter;

        Subscription(Flow.Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("Reactive Streams §3.9: request(" + n
                        + ") must ask for a positive number of rows");
            } else {
                demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            }
            LockSupport.unpark(waiter);
        }

        @Override
        public void cancel() {
            cancelled = true;
            LockSupport.unpark(waiter);
        }

        /** The stream itself, on the worker's thread. */
        @SuppressWarnings("unchecked")
        void pump() {
            if (cancelled) {
                return;
            }
            C cursor = null;
            boolean terminated = false;
            try {
                if (!awaitDemand()) {
                    return;
                }
                cursor = open.get();
                Iterator<List<R>> lists = chunks.apply(cursor).iterator();
                List<R> list = List.of();
                int i = 0;
                while (true) {
                    if (i == list.size()) {
                        if (!lists.hasNext()) {
                            terminated = true;
                            subscriber.onComplete();
                            return;
                        }
                        list = lists.next();
                        i = 0;
                        continue;
                    }
                    if (!awaitDemand()) {
                        terminated = true;
                        return;
                    }
                    R row = list.get(i++);
                    if (demand.get() != Long.MAX_VALUE) {
                        demand.decrementAndGet();
                    }
                    subscriber.onNext(map == null ? (T) row : map.apply(row));
                }
            } catch (Throwable e) {
                if (!terminated && !cancelled) {
                    cancelled = true;
                    subscriber.onError(e);
                }
            } finally {
                if (cursor != null) {
                    try {
                        cursor.close();
                    } catch (Exception e) {
                        Worker.LOG.debug("closing a stream's cursor failed", e);
                    }
                }
            }
        }

        /** Parks until there is demand; false when the stream is to end (cancelled, or a bad request signalled). */
        private boolean awaitDemand() {
            while (true) {
                IllegalArgumentException bad = badRequest;
                if (bad != null && !cancelled) {
                    cancelled = true;
                    subscriber.onError(bad);
                    return false;
                }
                if (cancelled) {
                    return false;
                }
                if (demand.get() > 0) {
                    return true;
                }
                waiter = Thread.currentThread();
                if (demand.get() == 0 && !cancelled && badRequest == null) {
                    LockSupport.park(this);
                }
                waiter = null;
            }
        }
    }
}
