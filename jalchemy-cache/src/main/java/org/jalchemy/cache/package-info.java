/**
 * jalchemy's query-result cache: {@code select(...).options(cache("users"))} serves the rows of a
 * SELECT from a cache region — in process (Caffeine) or shared (Redis) — and every commit that
 * wrote one of the tables it read makes that result unreachable, in this process and in every
 * process sharing the Redis. Install it on an engine with {@link org.jalchemy.cache.QueryCache};
 * the ORM's {@code session.execute(select(User.class).options(cache("users")))} goes through the
 * same engine and gets its objects through the identity map as from a database load.
 *
 * <p>Public API in this package; {@code internal} holds the row codec.
 */
package org.jalchemy.cache;
