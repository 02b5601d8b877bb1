package org.jalchemy.asyncio;

import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineOptions;

import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Entry points of the asynchronous API (SQLAlchemy's {@code sqlalchemy.ext.asyncio}):
 * {@code createAsyncEngine("postgresql://usuario:secreto@localhost/mi_base", o -> o.echo(true))}.
 *
 * <p>Why not {@code Jalchemy.createAsyncEngine}: {@code Jalchemy} lives in jalchemy-core, and
 * the core may not depend on this module (the layering rule that keeps the asynchronous layer an
 * optional add-on, like Exposed's coroutine module beside its blocking one). A static import of
 * {@code AsyncJalchemy.createAsyncEngine} reads as SQLAlchemy's
 * {@code from sqlalchemy.ext.asyncio import create_async_engine}. The URL and the options are
 * exactly those of {@code Jalchemy.createEngine}; no asynchronous driver is needed.
 */
public final class AsyncJalchemy {
    private AsyncJalchemy() {
    }

    /** An async engine with default options (pool of 5 + 10 overflow, no echo). */
    public static AsyncEngine createAsyncEngine(String url) {
        return AsyncEngine.from(Engine.create(url, EngineOptions.defaults()));
    }

    /** An async engine with the given options. */
    public static AsyncEngine createAsyncEngine(String url, EngineOptions options) {
        return AsyncEngine.from(Engine.create(url, options));
    }

    /** An async engine configured through the options builder: {@code createAsyncEngine(url, o -> o.poolSize(20))}. */
    public static AsyncEngine createAsyncEngine(String url, UnaryOperator<EngineOptions.Builder> options) {
        return AsyncEngine.from(Engine.create(url, options.apply(EngineOptions.builder()).build()));
    }

    /**
     * Waits for {@code stage} and returns its value, or throws the exception it failed with as it
     * was raised — an {@code IntegrityError} stays an {@code IntegrityError}, not a
     * {@code CompletionException} (Python's {@code await}). A cancelled stage throws
     * {@code CancellationException}; a checked failure (an {@code orTimeout}'s
     * {@code TimeoutException}) arrives wrapped in a {@code CompletionException}. Blocks the calling
     * thread: call it on virtual threads, in tests and in {@code main}, not in a callback of a
     * session (which would wait for itself).
     */
    public static <T> T await(CompletionStage<T> stage) {
        return Worker.await(stage.toCompletableFuture());
    }
}
