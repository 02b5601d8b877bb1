package org.jalchemy.asyncio;

import org.jalchemy.asyncio.model.Writer;
import org.jalchemy.asyncio.model.Writer_;
import org.jalchemy.engine.Row;
import org.jalchemy.exc.ProgrammingError;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.asyncio.AsyncTesting.done;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.text;

/** stream(): a Flow.Publisher with back-pressure over a cursor, on every backend. */
class StreamingTest {

    /** A generated series of {@code n} integers, as SQL for the backend. */
    static String series(Backend backend, int n) {
        if (backend.isPostgresql()) {
            return "SELECT x FROM generate_series(1, " + n + ") AS s(x)";
        }
        if (backend.isMariadb()) {
            return "SELECT seq AS x FROM seq_1_to_" + n;
        }
        return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + n + ") SELECT x FROM c";
    }

    /**
     * A subscriber that requests {@code batch} items at a time, from another thread, and records
     * how far deliveries ever ran ahead of its requests (must be never).
     */
    static final class Recorder<T> implements Flow.Subscriber<T> {
        final int batch;
        final int cancelAfter;
        final List<T> items = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong requested = new AtomicLong();
        final AtomicLong overrun = new AtomicLong();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Flow.Subscription subscription;
        volatile Thread signalThread;

        Recorder(int batch, int cancelAfter) {
            this.batch = batch;
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            requested.addAndGet(batch);
            s.request(batch);
        }

        @Override
        public void onNext(T item) {
            signalThread = Thread.currentThread();
            items.add(item);
            if (items.size() > requested.get()) {
                overrun.incrementAndGet();
            }
            if (items.size() == cancelAfter) {
                subscription.cancel();
                done.complete(null);
            } else if (items.size() == requested.get()) {
                // ask for more later, from another thread: the stream must wait meanwhile
                Thread.ofVirtual().start(() -> {
                    AsyncSessionTest.sleep(1);
                    requested.addAndGet(batch);
                    subscription.request(batch);
                });
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }

    @BackendTest
    void rowsArriveOnlyAsRequestedAndAllOfThemInOrder(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncConnection conn = done(engine.connect());
            Recorder<Row> r = new Recorder<>(37, -1);
            conn.stream(text(series(backend, 5000))).subscribe(r);
            done(r.done);
            assertThat(r.overrun.get()).as("never more rows than requested").isZero();
            assertThat(r.items).hasSize(5000);
            assertThat(r.items.get(0).get(0)).isInstanceOf(Number.class);
            long sum = r.items.stream().mapToLong(row -> ((Number) row.get(0)).longValue()).sum();
            assertThat(sum).isEqualTo(5000L * 5001 / 2);
            assertThat(r.signalThread.isVirtual()).isTrue();
            assertThat(done(conn.<Number>scalar(text("SELECT 3"))).intValue()).as("usable after the stream").isEqualTo(3);
            done(conn.close());
        }
    }

    @BackendTest
    void cancellingTheSubscriptionStopsTheStreamAndFreesTheSession(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 30);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            Recorder<Writer> r = new Recorder<>(4, 10);
            session.<Writer>streamScalars(select(Writer.class).orderBy(Writer_.id).yieldPer(5)).subscribe(r);
            done(r.done);
            assertThat(r.items).hasSize(10).extracting(w -> w.name).startsWith("writer001", "writer002");
            assertThat(done(session.<Writer>scalars(select(Writer.class))).size()).as("the session goes on").isEqualTo(30);
            done(session.close());
        }
    }

    @BackendTest
    void lazyLoadsAndSessionCallsWorkInOnNext(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 12);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            List<Integer> articles = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> done = new CompletableFuture<>();
            session.<Writer>streamScalars(select(Writer.class).orderBy(Writer_.id).yieldPer(5))
                    .subscribe(new Flow.Subscriber<>() {
                        @Override
                        public void onSubscribe(Flow.Subscription s) {
                            s.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(Writer w) {
                            articles.add(w.articles.size());     // a lazy load, on the session's thread
                            session.expunge(w);                  // done with it: the identity map stays small
                        }

                        @Override
                        public void onError(Throwable t) {
                            done.completeExceptionally(t);
                        }

                        @Override
                        public void onComplete() {
                            done.complete(null);
                        }
                    });
            done(done);
            assertThat(articles).hasSize(12).containsOnly(2);
            int held = done(session.runSync(s -> s.identityMapSize()));
            assertThat(held).as("each object expunged in onNext (its articles remain)").isEqualTo(24);
            done(session.close());
        }
    }

    @BackendTest
    void ormRowsStreamWithEntitiesAndValues(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 7);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            Recorder<OrmResult.OrmRow> r = new Recorder<>(3, -1);
            session.stream(select(Writer.class, Writer_.email).orderBy(Writer_.id)).subscribe(r);
            done(r.done);
            assertThat(r.items).hasSize(7);
            assertThat(r.items.get(6).get(Writer.class).name).isEqualTo("writer007");
            assertThat(r.items.get(6).get(1)).isEqualTo("w7@example.com");
            done(session.close());
        }
    }

    @BackendTest
    void failuresArriveThroughOnErrorWithTheSynchronousType(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncConnection conn = done(engine.connect());
            Recorder<Row> bad = new Recorder<>(10, -1);
            conn.stream(text("SELECT no_such_column FROM no_such_table")).subscribe(bad);
            assertThat(bad.done).failsWithin(java.time.Duration.ofSeconds(20))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(ProgrammingError.class);
            done(conn.rollback());                                  // PostgreSQL: the failed statement aborted it

            CompletableFuture<Throwable> error = new CompletableFuture<>();
            conn.stream(text(series(backend, 10))).subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.request(0);                                   // Reactive Streams §3.9
                }

                @Override
                public void onNext(Row item) {
                    error.completeExceptionally(new AssertionError("no row was requested"));
                }

                @Override
                public void onError(Throwable t) {
                    error.complete(t);
                }

                @Override
                public void onComplete() {
                    error.completeExceptionally(new AssertionError("completed"));
                }
            });
            assertThat(done(error)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
            done(conn.rollback());
            done(conn.close());
        }
    }
}
