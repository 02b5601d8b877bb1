package org.jalchemy.asyncio;

import org.jalchemy.asyncio.model.Article;
import org.jalchemy.asyncio.model.Writer;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineEvents;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.testing.Backend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Test helpers: bounded waits, the writers/articles tables, an engine with a small pool, a statement recorder. */
final class AsyncTesting {
    static final Registry MODELS = Registry.of(Writer.class, Article.class);

    private AsyncTesting() {
    }

    /** Waits at most 30 s; rethrows the future's own exception (unchecked ones unwrapped). */
    static <T> T done(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no outcome within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An engine on the backend with its own pool ({@code size} connections, no overflow, 20 s pool timeout). */
    static AsyncEngine engine(Backend backend, int size) {
        return AsyncEngine.from(backend.newEngine(o -> o.poolSize(size).maxOverflow(0)
                .poolTimeout(Duration.ofSeconds(20))));
    }

    /** Drops and creates the writers/articles tables; {@code writers} writers with two articles each. */
    static void seed(Engine engine, int writers) {
        MODELS.metadata().dropAll(engine, true);
        MODELS.metadata().createAll(engine);
        try (Session s = SessionFactory.bind(engine).open()) {
            for (int i = 1; i <= writers; i++) {
                Writer w = new Writer(String.format("writer%03d", i), "w" + i + "@example.com");
                w.articles.add(new Article("first by " + i));
                w.articles.add(new Article("second by " + i));
                s.add(w);
            }
            s.commit();
        }
    }

    static void drop(Engine engine) {
        MODELS.metadata().dropAll(engine, true);
    }

    /** Records the SQL an engine runs and the thread that ran it. */
    static final class Statements implements AutoCloseable {
        record Executed(String sql, Thread thread) {
        }

        final List<Executed> executed = Collections.synchronizedList(new ArrayList<>());
        private final EngineEvents.Registration registration;

        Statements(Engine engine) {
            registration = engine.events().beforeExecute(ctx -> executed.add(new Executed(ctx.sql(), Thread.currentThread())));
        }

        List<String> sql() {
            synchronized (executed) {
                return executed.stream().map(Executed::sql).toList();
            }
        }

        List<Thread> threads() {
            synchronized (executed) {
                return executed.stream().map(Executed::thread).toList();
            }
        }

        @Override
        public void close() {
            registration.close();
        }
    }
}
