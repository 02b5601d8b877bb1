/**
 * The object-relational mapper's public API: {@link org.jalchemy.orm.Registry} (declarative
 * registry and its {@code MetaData}), {@link org.jalchemy.orm.SessionFactory} and
 * {@link org.jalchemy.orm.Session} (identity map and unit of work),
 * {@link org.jalchemy.orm.SessionTransaction}, {@link org.jalchemy.orm.Orm} (static entry points:
 * {@code select(User.class)}, loader options), {@link org.jalchemy.orm.Query} (legacy),
 * {@link org.jalchemy.orm.OrmResult}, {@link org.jalchemy.orm.Ref}, inspection
 * ({@link org.jalchemy.orm.InstanceState}, {@link org.jalchemy.orm.ObjectState}) and the ORM's
 * exceptions.
 *
 * <p>The ORM's parts, as SQLAlchemy's {@code orm/} splits them:
 * <ul>
 *   <li>{@code org.jalchemy.orm.annotations} — the mapping annotations (public);</li>
 *   <li>{@code org.jalchemy.orm.mapping} — mappers, properties and the metamodel's attributes
 *   (public: what {@code User_} and {@code Orm.mapper(User.class)} return);</li>
 *   <li>{@code org.jalchemy.orm.internal.session} — the session's implementation: identity map,
 *   object states, transactions;</li>
 *   <li>{@code org.jalchemy.orm.internal.loading} — loader strategies, instrumented relationship
 *   collections and references, result hydration;</li>
 *   <li>{@code org.jalchemy.orm.internal.unitofwork} — the flush: dependency processing,
 *   cascades, statement ordering and batching.</li>
 * </ul>
 * Applications use the public packages only; the {@code internal} packages may change in any
 * release (the layering test keeps other modules off them). Built on jalchemy-core; core never
 * depends on the ORM.
 */
package org.jalchemy.orm;
