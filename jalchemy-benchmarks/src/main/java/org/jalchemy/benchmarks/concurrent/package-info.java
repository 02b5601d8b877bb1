/**
 * Variants of the concurrent workload (async_requests): the synchronous ORM on 200 platform
 * threads (the baseline) or on virtual threads, and jalchemy-async. Their load figures go through
 * {@link org.jalchemy.benchmarks.LoadStats}; the SQLAlchemy asyncio side is
 * {@code sqlalchemy_async_bench.py}.
 */
package org.jalchemy.benchmarks.concurrent;
