/**
 * The asynchronous API of jalchemy (SQLAlchemy's {@code sqlalchemy.ext.asyncio}):
 * {@link org.jalchemy.asyncio.AsyncJalchemy#createAsyncEngine createAsyncEngine} →
 * {@link org.jalchemy.asyncio.AsyncEngine}, {@link org.jalchemy.asyncio.AsyncConnection},
 * {@link org.jalchemy.asyncio.AsyncSessionFactory} (async_sessionmaker) and
 * {@link org.jalchemy.asyncio.AsyncSession}, whose database-touching methods return
 * {@link java.util.concurrent.CompletableFuture}s.
 *
 * <p>The design: keep the whole synchronous engine and ORM underneath and run them on virtual
 * threads. Each session (or connection) runs its calls one at a time, in the order they were made,
 * on a virtual thread that parks while it waits for the database; thousands of concurrent sessions
 * cost thousands of parked virtual threads, not platform threads. Because the ORM runs unchanged,
 * lazy loading works inside an async session (where SQLAlchemy raises {@code MissingGreenlet}),
 * streaming hands rows out with back-pressure ({@link java.util.concurrent.Flow.Publisher}), and
 * cancelling a future cancels its running statement with JDBC {@code Statement.cancel}.
 *
 * <p>Depends on jalchemy-core and jalchemy-orm only; neither depends on it (enforced by the
 * layering test). Internals are package-private. Pinning of virtual threads by the JDBC drivers
 * and what JDK 24+ changes: docs/async.md.
 */
package org.jalchemy.asyncio;
