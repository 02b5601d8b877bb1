/**
 * Internal: loading (SQLAlchemy's {@code orm/loading.py}, {@code strategies.py},
 * {@code strategy_options.py}, {@code collections.py}). {@link org.jalchemy.orm.internal.loading.Loading}
 * applies a query's loader plan (lazy, selectin, joined, raise, noload, contains-eager) and keeps
 * both sides of a relationship in step in memory;
 * {@link org.jalchemy.orm.internal.loading.OrmResultImpl} turns rows into objects through the
 * identity map; {@link org.jalchemy.orm.internal.loading.CollectionState} with
 * {@link org.jalchemy.orm.internal.loading.InstrumentedList}/{@link org.jalchemy.orm.internal.loading.InstrumentedSet}
 * and {@link org.jalchemy.orm.internal.loading.RefImpl} are the session's relationship attributes.
 *
 * <p>Not API: classes are public only so that the ORM's other internal packages can use them.
 */
package org.jalchemy.orm.internal.loading;
