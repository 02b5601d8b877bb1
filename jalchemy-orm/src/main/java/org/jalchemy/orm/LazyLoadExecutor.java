package org.jalchemy.orm;

/**
 * Where a session's lazy loads run (a lazy collection read for the first time, an unloaded
 * {@link Ref#get()}). By default they run at once on the thread that touched the attribute, as
 * everything else of a {@link Session} does. A layer that confines a session to its own thread
 * and runs its calls in order there (jalchemy-async's {@code AsyncSession}) installs one with
 * {@link Session#lazyLoadExecutor(LazyLoadExecutor)}, so that an attribute touched on any thread
 * loads on the session's thread, in order with the session's other work.
 *
 * <p>Contract: {@link #execute} runs {@code load} exactly once and returns only when it has
 * finished, rethrowing its unchecked exception unchanged (a {@link DetachedInstanceError} when
 * the session closed meanwhile, a database error, ...). It is called on the thread that touched
 * the attribute, with no lock of the session held.
 */
@FunctionalInterface
public interface LazyLoadExecutor {
    /** Runs {@code load} to completion (possibly on another thread) before returning. */
    void execute(Runnable load);
}
