package org.jalchemy.asyncio;

import org.jalchemy.asyncio.model.Writer;
import org.jalchemy.asyncio.model.Writer_;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;
import org.jalchemy.exc.ResourceClosedError;
import org.jalchemy.orm.OrmResult;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.asyncio.AsyncTesting.done;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.func;
import static org.jalchemy.sql.Sql.text;

/** AsyncSession and AsyncSessionFactory: CRUD, ordering, threads, scopes and errors, on every backend. */
class AsyncSessionTest {

    @BackendTest
    void crudThroughFutures(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 2)) {
            AsyncTesting.seed(engine.sync(), 0);
            AsyncSessionFactory factory = AsyncSessionFactory.builder(engine).expireOnCommit(false).build();
            AsyncSession session = factory.open();
            Writer ana = new Writer("ana", "ana@example.com");
            session.add(ana);
            done(session.commit());
            assertThat(ana.id).as("the INSERT ran and the key came back").isNotNull();

            Writer found = done(session.execute(select(Writer.class).where(Writer_.name.eq("ana"))))
                    .scalarOneOrNone();
            assertThat(found).isSameAs(ana);                                   // identity map
            found.email = "ana@example.org";
            done(session.commit());
            assertThat(done(session.<String>scalar(select(Writer_.email).where(Writer_.id.eq(ana.id)))))
                    .isEqualTo("ana@example.org");

            done(session.delete(found));
            done(session.commit());
            assertThat(done(session.get(Writer.class, ana.id))).isEmpty();
            assertThat(done(session.<Long>scalar(select(func.count(Writer_.id))))).isZero();
            done(session.close());
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
    }

    @BackendTest
    void callsRunOneAtATimeInSubmissionOrderOnVirtualThreads(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 1);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            List<Boolean> virtual = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                all.add(session.runSync(s -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    virtual.add(Thread.currentThread().isVirtual());
                    s.execute(text("SELECT 1")).scalar();
                    order.add(n);
                    running.decrementAndGet();
                    return null;
                }));
                if (i % 50 == 0) {
                    all.add(session.execute(select(Writer.class)));        // interleaved queries
                }
            }
            done(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
            assertThat(overlaps.get()).as("never two calls of one session at once").isZero();
            assertThat(order).hasSize(200).isSorted();
            assertThat(virtual).containsOnly(true);
            done(session.close());
        }
    }

    @BackendTest
    void callbacksRunOnTheSessionThreadAndTheirCallsRunAtOnce(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 2);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            AtomicReference<Thread> callbackThread = new AtomicReference<>();
            AtomicReference<Boolean> innerDoneAtOnce = new AtomicReference<>();
            CountDownLatch gate = new CountDownLatch(1);
            // hold the session so the callback is attached before the query completes
            session.runSync(s -> {
                await(gate);
                return null;
            });
            CompletableFuture<Integer> visits = session.get(Writer.class, 1).thenCompose(w -> {
                callbackThread.set(Thread.currentThread());
                w.orElseThrow().visits++;
                CompletableFuture<Void> commit = session.commit();
                innerDoneAtOnce.set(commit.isDone());
                return commit.thenApply(v -> w.get().visits);
            });
            gate.countDown();
            assertThat(done(visits)).isEqualTo(1);
            assertThat(callbackThread.get().isVirtual()).isTrue();
            assertThat(callbackThread.get().getName()).isEqualTo("jalchemy-async");
            assertThat(innerDoneAtOnce.get()).as("a call from a callback runs inline, not queued behind it").isTrue();
            assertThat(done(session.<Integer>scalar(select(Writer_.visits).where(Writer_.id.eq(1))))).isEqualTo(1);
            done(session.close());
        }
    }

    @BackendTest
    void resultsAreReadInMemoryAndUsableOnAnyThreadAfterClose(Backend backend) throws Exception {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 3);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            CompletableFuture<OrmResult> result = session.execute(select(Writer.class).orderBy(Writer_.id));
            CompletableFuture<List<Writer>> writers = session.scalars(select(Writer.class).orderBy(Writer_.id));
            done(session.close());
            assertThat(engine.poolStatus().checkedOut()).isZero();
            List<String> names = new ArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                for (OrmResult.OrmRow row : done(result)) {
                    names.add(row.get(Writer.class).name);
                }
            });
            reader.join(10_000);
            assertThat(names).containsExactly("writer001", "writer002", "writer003");
            assertThat(done(writers)).extracting(w -> w.name).containsExactly("writer001", "writer002", "writer003");
        }
    }

    @BackendTest
    void addWaitsForTheCallsBeforeIt(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 0);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            CountDownLatch gate = new CountDownLatch(1);
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Object> busy = session.runSync(s -> {
                await(gate);
                seen.add("busy call: " + s.newObjects().size() + " new");
                return null;
            });
            Thread adder = Thread.ofVirtual().start(() -> {
                session.add(new Writer("luis", null));                     // waits for the busy call
                seen.add("added");
            });
            sleep(200);
            assertThat(seen).as("add is queued behind the running call").isEmpty();
            gate.countDown();
            done(busy);
            join(adder);
            assertThat(seen).containsExactly("busy call: 0 new", "added");
            done(session.commit());
            assertThat(done(session.<String>scalars(select(Writer_.name)))).containsExactly("luis");
            session.add(new Writer("marta", null));                        // idle: at once
            int pending = done(session.runSync(s -> s.newObjects().size()));
            assertThat(pending).isEqualTo(1);
            done(session.close());
        }
    }

    @BackendTest
    void inTransactionCommitsOnSuccessAndRollsBackOnFailure(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 2)) {
            AsyncTesting.seed(engine.sync(), 0);
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            Integer id = done(factory.inTransaction(s -> {
                Writer w = new Writer("pedro", null);
                s.add(w);
                return s.flush().thenApply(v -> w.id);
            }));
            assertThat(id).isNotNull();

            // a failing future rolls back: the duplicate name is an IntegrityError, as in the sync API
            CompletableFuture<Void> dup = factory.inTransaction(s -> {
                s.add(new Writer("lucia", null));
                s.add(new Writer("pedro", null));
                return s.flush();
            });
            assertThatThrownBy(() -> done(dup)).isInstanceOf(IntegrityError.class);
            assertThatThrownBy(dup::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IntegrityError.class);
            assertThatThrownBy(() -> AsyncJalchemy.await(dup)).isInstanceOf(IntegrityError.class);

            // work that throws before returning a future rolls back too
            CompletableFuture<Object> thrown = factory.inTransaction(s -> {
                s.add(new Writer("nadie", null));
                throw new IllegalStateException("changed my mind");
            });
            assertThatThrownBy(() -> done(thrown)).isInstanceOf(IllegalStateException.class).hasMessage("changed my mind");

            // failing after a flush: the flushed row is rolled back
            CompletableFuture<Object> late = factory.inTransaction(s -> {
                s.add(new Writer("tarde", null));
                return s.flush().thenApply(v -> {
                    throw new IllegalArgumentException("after the flush");
                });
            });
            assertThatThrownBy(() -> done(late)).isInstanceOf(IllegalArgumentException.class);

            List<String> names = done(factory.withSession(s -> s.<String>scalars(select(Writer_.name).orderBy(Writer_.name))));
            assertThat(names).containsExactly("pedro");
            assertThat(engine.poolStatus().checkedOut()).as("every scope closed its session").isZero();
        }
    }

    @BackendTest
    void sessionTransactionRefusesASecondBeginAndWithSessionRollsBackWhatWasNotCommitted(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 2)) {
            AsyncTesting.seed(engine.sync(), 1);
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            AsyncSession session = factory.open();
            done(session.get(Writer.class, 1));                                  // autobegin
            assertThat(done(session.inTransaction())).isTrue();
            assertThatThrownBy(() -> done(session.transaction(s -> s.flush())))
                    .isInstanceOf(org.jalchemy.exc.InvalidRequestError.class).hasMessageContaining("already begun");
            assertThat(done(session.inTransaction())).as("the open transaction is not ours to end").isTrue();
            done(session.rollback());
            done(session.transaction(s -> {
                s.add(new Writer("dentro", null));
                return CompletableFuture.completedFuture(null);
            }));
            done(session.close());

            done(factory.withSession(s -> {
                s.add(new Writer("sin commit", null));
                return s.flush();
            }));
            List<String> names = done(factory.withSession(s -> s.<String>scalars(select(Writer_.name).orderBy(Writer_.id))));
            assertThat(names).containsExactly("writer001", "dentro");
        }
    }

    @BackendTest
    void errorsAreTheSynchronousTypes(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 2);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            assertThatThrownBy(() -> done(session.execute(select(Writer.class).where(Writer_.id.gt(100)))).scalarOne())
                    .isInstanceOf(NoResultFound.class);
            assertThatThrownBy(() -> done(session.execute(select(Writer.class))).scalarOneOrNone())
                    .isInstanceOf(MultipleResultsFound.class);
            session.add(new Writer("writer001", null));
            assertThatThrownBy(() -> done(session.commit())).isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("as_writers");
            // as the synchronous Session since PendingRollbackError: a failed flush wants rollback() first
            assertThatThrownBy(() -> done(session.<Long>scalar(select(func.count(Writer_.id)))))
                    .isInstanceOf(org.jalchemy.exc.PendingRollbackError.class);
            done(session.rollback());
            assertThat(done(session.<Long>scalar(select(func.count(Writer_.id))))).as("usable after the rollback").isEqualTo(2);
            assertThatThrownBy(() -> done(session.execute(text("SELEC nonsense"))))
                    .isInstanceOf(org.jalchemy.exc.ProgrammingError.class);
            done(session.close());
            assertThatThrownBy(() -> done(session.get(Writer.class, 1))).isInstanceOf(ResourceClosedError.class);
        }
    }

    @BackendTest
    void refreshMergeAndRunSync(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 2)) {
            AsyncTesting.seed(engine.sync(), 1);
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            AsyncSession session = factory.open();
            Writer w = done(session.get(Writer.class, 1)).orElseThrow();
            w.name = "changed in memory";
            done(session.refresh(w));
            assertThat(w.name).isEqualTo("writer001");
            done(session.close());

            w.email = "merged@example.com";                                  // detached now
            AsyncSession other = factory.open();
            Writer merged = done(other.merge(w));
            assertThat(merged).isNotSameAs(w);
            done(other.commit());
            String email = done(other.runSync(s -> s.query(Writer.class).one().email));
            assertThat(email).isEqualTo("merged@example.com");
            done(other.close());
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("gate not opened within 20 s");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void join(Thread t) {
        try {
            t.join(20_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(t.isAlive()).as(t + " finished").isFalse();
    }
}
