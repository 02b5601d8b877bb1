package org.jalchemy.asyncio;

import org.jalchemy.asyncio.model.Writer;
import org.jalchemy.asyncio.model.Writer_;
import org.jalchemy.engine.Result;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.asyncio.AsyncTesting.done;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.text;

/**
 * Cancelling a future, or letting {@code orTimeout} expire, cancels the running statement (JDBC
 * {@code Statement.cancel}), rolls the session back, leaves it usable and the pooled connection
 * healthy — on every backend, with a one-connection pool so the next user gets that very
 * connection.
 */
class CancellationTest {

    private static List<String> names(AsyncSession s) {
        return done(s.<String>scalars(select(Writer_.name).orderBy(Writer_.id)));
    }

    @BackendTest
    void cancellingARunningQueryCancelsItsStatementAndRollsTheSessionBack(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 1);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            session.add(new Writer("rolled back", null));
            done(session.flush());
            long t0 = System.nanoTime();
            CompletableFuture<Result> slow = session.execute(text(Db.slowQuery(backend)));
            AsyncSessionTest.sleep(300);
            assertThat(slow.cancel(true)).isTrue();
            assertThatThrownBy(slow::join).isInstanceOf(CancellationException.class);
            // the next call runs once the statement was interrupted and the session rolled back
            assertThat(names(session)).as("flushed row rolled back").containsExactly("writer001");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("the 30 s statement was interrupted")
                    .isLessThan(Duration.ofSeconds(15));
            session.add(new Writer("kept", null));
            done(session.commit());
            done(session.close());
            assertThat(engine.poolStatus().checkedOut()).isZero();
            // the one pooled connection is healthy: a new session reads and writes through it
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            assertThat(done(factory.withSession(CancellationTest::nameList))).containsExactly("writer001", "kept");
        }
    }

    private static CompletableFuture<List<String>> nameList(AsyncSession s) {
        return s.scalars(select(Writer_.name).orderBy(Writer_.id));
    }

    @BackendTest
    void orTimeoutCancelsTheStatementToo(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 1);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            session.add(new Writer("not committed", null));
            long t0 = System.nanoTime();
            CompletableFuture<Result> slow = session.execute(text(Db.slowQuery(backend))).orTimeout(500, TimeUnit.MILLISECONDS);
            assertThatThrownBy(() -> slow.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
            done(session.commit());                  // the session goes on: nothing of the timed-out work is left
            assertThat(names(session)).containsExactly("writer001");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
            done(session.close());
        }
    }

    @BackendTest
    void aCancelledQueuedCallNeverRunsAndTheSessionIsRolledBack(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 1);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            CountDownLatch gate = new CountDownLatch(1);
            CompletableFuture<Object> busy = session.runSync(s -> {
                s.add(new Writer("added before", null));
                AsyncSessionTest.await(gate);
                return null;
            });
            CompletableFuture<Object> queued = session.runSync(s -> {
                throw new AssertionError("a cancelled call must not run");
            });
            assertThat(queued.cancel(false)).isTrue();
            gate.countDown();
            done(busy);
            int pending = done(session.runSync(s -> s.newObjects().size()));
            assertThat(pending).as("rolled back: the pending add is gone").isZero();
            done(session.close());
        }
    }

    @BackendTest
    void aFinishedCallCannotBeCancelledAndKeepsItsWork(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 0);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            session.add(new Writer("flushed", null));
            CompletableFuture<Void> flush = session.flush();
            done(flush);
            assertThat(flush.cancel(true)).isFalse();
            assertThat(flush.completeExceptionally(new IllegalStateException())).isFalse();
            done(session.commit());
            assertThat(names(session)).containsExactly("flushed");
            done(session.close());
        }
    }

    @BackendTest
    void timingOutATransactionScopeRollsItBackAndReturnsTheConnection(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 1);
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            long t0 = System.nanoTime();
            CompletableFuture<Result> scope = factory.inTransaction(s -> {
                s.add(new Writer("never committed", null));
                return s.flush().thenCompose(v -> s.execute(text(Db.slowQuery(backend))));
            }).orTimeout(700, TimeUnit.MILLISECONDS);
            assertThatThrownBy(() -> scope.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
            // the scope's session is rolled back and closed: its connection is free again
            List<String> names = done(factory.withSession(CancellationTest::nameList));
            assertThat(names).containsExactly("writer001");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @BackendTest
    void aCancelledScopeNeverCommitsEvenWhenItsWorkCompletesAfterwards(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 0);
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            CompletableFuture<Void> outside = new CompletableFuture<>();   // e.g. a call to another service
            CompletableFuture<Void> scope = factory.inTransaction(s -> {
                s.add(new Writer("waits for outside", null));
                return s.flush().thenCompose(v -> outside);
            });
            AsyncSessionTest.sleep(200);
            assertThat(engine.poolStatus().checkedOut()).isEqualTo(1);
            assertThat(scope.cancel(true)).isTrue();
            AsyncSessionTest.sleep(300);
            assertThat(engine.poolStatus().checkedOut()).as("the cancelled scope gave its connection back at once")
                    .isZero();
            outside.complete(null);                                       // the work finishes after the cancel
            AsyncSessionTest.sleep(200);
            assertThat(done(factory.withSession(CancellationTest::nameList))).isEmpty();
        }
    }

    @BackendTest
    void cancellingAConnectionCallCancelsItsStatement(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncConnection conn = done(engine.connect());
            long t0 = System.nanoTime();
            CompletableFuture<Object> slow = conn.scalar(text(Db.slowQuery(backend)));
            AsyncSessionTest.sleep(300);
            slow.cancel(true);
            assertThat(done(conn.<Number>scalar(text("SELECT 7"))).intValue()).isEqualTo(7);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
            done(conn.close());
            assertThat(done(engine.withConnection(c -> c.<Number>scalar(text("SELECT 8")))).intValue()).isEqualTo(8);
        }
    }
}
