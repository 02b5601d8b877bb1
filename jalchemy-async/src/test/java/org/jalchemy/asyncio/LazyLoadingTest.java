package org.jalchemy.asyncio;

import org.jalchemy.asyncio.model.Article;
import org.jalchemy.asyncio.model.Article_;
import org.jalchemy.asyncio.model.Writer;
import org.jalchemy.asyncio.model.Writer_;
import org.jalchemy.orm.DetachedInstanceError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.asyncio.AsyncTesting.done;
import static org.jalchemy.orm.Orm.select;
import static org.jalchemy.orm.Orm.selectinload;

/**
 * Lazy loading inside an async session: what SQLAlchemy's asyncio refuses with
 * {@code MissingGreenlet} ("greenlet_spawn has not been called; can't call await_only() here")
 * works here, on the session's thread; after close it is a DetachedInstanceError naming the
 * attribute, as in the synchronous ORM.
 */
class LazyLoadingTest {

    /**
     * SQLAlchemy's asyncio documentation's failing example, in Java:
     * <pre>
     * async with async_session() as session:
     *     result = await session.execute(select(A))
     *     for a in result.scalars():
     *         print(a.bs)          # MissingGreenlet: lazy load in an async session
     * </pre>
     */
    @BackendTest
    void theMissingGreenletCaseWorks(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 3);
            var statements = new AsyncTesting.Statements(engine.sync());
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            List<String> titles = done(factory.withSession(session ->
                    session.<Writer>scalars(select(Writer.class).orderBy(Writer_.id)).thenApply(writers ->
                            writers.stream().flatMap(w -> w.articles.stream())      // lazy: one SELECT per writer
                                    .map(a -> a.title).toList())));
            assertThat(titles).containsExactly("first by 1", "second by 1", "first by 2", "second by 2",
                    "first by 3", "second by 3");
            List<String> selects = statements.sql().stream().filter(s -> s.startsWith("SELECT")).toList();
            assertThat(selects).as("the writers, then one lazy load per writer").hasSize(4);
            assertThat(statements.threads()).as("every statement ran on a session's virtual thread")
                    .allSatisfy(t -> assertThat(t.isVirtual()).isTrue());
        }
    }

    @BackendTest
    void attributesTouchedOnAnotherThreadLoadOnTheSessionThread(Backend backend) throws Exception {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1);
             var statements = new AsyncTesting.Statements(engine.sync())) {
            AsyncTesting.seed(engine.sync(), 2);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            Writer writer = done(session.get(Writer.class, 2)).orElseThrow();
            Article article = done(session.execute(select(Article.class).where(Article_.title.eq("first by 1"))))
                    .scalarOne();
            statements.executed.clear();
            Thread main = Thread.currentThread();

            assertThat(writer.articles).extracting(a -> a.title).containsExactly("first by 2", "second by 2");
            assertThat(article.writer.isLoaded()).isFalse();
            assertThat(article.writer.get().name).isEqualTo("writer001");           // Ref: lazy, too
            assertThat(statements.threads()).hasSize(2)
                    .allSatisfy(t -> assertThat(t).isNotSameAs(main).matches(Thread::isVirtual));

            // while the session is busy the load waits for its turn
            CountDownLatch gate = new CountDownLatch(1);
            Writer first = article.writer.get();
            CompletableFuture<Object> busy = session.runSync(s -> {
                AsyncSessionTest.await(gate);
                return null;
            });
            CompletableFuture<Integer> count = CompletableFuture.supplyAsync(() -> first.articles.size(),
                    r -> Thread.ofVirtual().start(r));
            AsyncSessionTest.sleep(200);
            assertThat(count).as("the load is queued behind the busy call").isNotDone();
            gate.countDown();
            done(busy);
            assertThat(done(count)).isEqualTo(2);
            done(session.close());
        }
    }

    @BackendTest
    void afterCloseAnUnloadedAttributeRaisesDetachedInstanceErrorNamingIt(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncTesting.seed(engine.sync(), 2);
            AsyncSessionFactory factory = AsyncSessionFactory.bind(engine);
            AsyncSession session = factory.open();
            List<Writer> writers = done(session.scalars(select(Writer.class).options(selectinload(Writer_.articles))
                    .where(Writer_.id.eq(1))));
            Writer lazy = done(session.get(Writer.class, 2)).orElseThrow();
            done(session.close());
            assertThat(writers.get(0).articles).as("loaded with its query: still readable").hasSize(2);
            assertThatThrownBy(() -> lazy.articles.size()).isInstanceOf(DetachedInstanceError.class)
                    .hasMessageContaining("Writer.articles").hasMessageContaining("not bound to a Session");
            Article a = writers.get(0).articles.get(0);
            assertThat(a.writer.get()).as("set from the loaded collection").isSameAs(writers.get(0));
        }
    }

    @BackendTest
    void aLoadInACallbackRunsInlineOnTheSessionThread(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1);
             var statements = new AsyncTesting.Statements(engine.sync())) {
            AsyncTesting.seed(engine.sync(), 1);
            AsyncSession session = AsyncSessionFactory.bind(engine).open();
            CountDownLatch gate = new CountDownLatch(1);
            session.runSync(s -> {                 // holds the session: the callback is attached before completion
                AsyncSessionTest.await(gate);
                return null;
            });
            CompletableFuture<Thread> callback = new CompletableFuture<>();
            CompletableFuture<Integer> size = session.execute(select(Writer.class)).thenApply(r -> {
                callback.complete(Thread.currentThread());
                return r.<Writer>scalarOne().articles.size();
            });
            statements.executed.clear();
            gate.countDown();
            assertThat(done(size)).isEqualTo(2);
            assertThat(done(callback).isVirtual()).isTrue();
            assertThat(statements.threads()).as("the query and the lazy load, both on the callback's thread")
                    .hasSize(2).containsOnly(done(callback));
            done(session.close());
        }
    }
}
