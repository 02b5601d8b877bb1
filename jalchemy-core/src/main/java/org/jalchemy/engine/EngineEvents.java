package org.jalchemy.engine;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listener registry of one engine. Registration is thread-safe; dispatch iterates a snapshot
 * array, so adding a listener while statements run is safe and takes effect for later ones.
 */
public final class EngineEvents {
    private final CopyOnWriteArrayList<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private volatile EngineListener[] snapshot = new EngineListener[0];
    private final CopyOnWriteArrayList<StatementInterceptor> interceptorList = new CopyOnWriteArrayList<>();
    private volatile StatementInterceptor[] interceptors = new StatementInterceptor[0];

    /** Adds a statement interceptor ({@link StatementInterceptor}); closing the returned handle removes it. */
    public Registration intercept(StatementInterceptor interceptor) {
        interceptorList.add(interceptor);
        interceptors = interceptorList.toArray(StatementInterceptor[]::new);
        return () -> {
            interceptorList.remove(interceptor);
            interceptors = interceptorList.toArray(StatementInterceptor[]::new);
        };
    }

    StatementInterceptor[] interceptors() {
        return interceptors;
    }

    /** Adds a listener; closing the returned handle removes it. */
    public Registration listen(EngineListener listener) {
        listeners.add(listener);
        snapshot = listeners.toArray(EngineListener[]::new);
        return () -> {
            listeners.remove(listener);
            snapshot = listeners.toArray(EngineListener[]::new);
        };
    }

    /** Shorthand for a listener of {@code beforeExecute} only. */
    public Registration beforeExecute(Consumer<ExecuteContext> fn) {
        return listen(new EngineListener() {
            @Override
            public void beforeExecute(ExecuteContext ctx) {
                fn.accept(ctx);
            }
        });
    }

    /** Shorthand for a listener of {@code afterExecute} only. */
    public Registration afterExecute(Consumer<ExecuteContext> fn) {
        return listen(new EngineListener() {
            @Override
            public void afterExecute(ExecuteContext ctx) {
                fn.accept(ctx);
            }
        });
    }

    boolean isEmpty() {
        return snapshot.length == 0;
    }

    EngineListener[] all() {
        return snapshot;
    }

    void each(Consumer<EngineListener> action) {
        for (EngineListener l : snapshot) {
            action.accept(l);
        }
    }

    /** A registered listener; {@link #close()} removes it. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
