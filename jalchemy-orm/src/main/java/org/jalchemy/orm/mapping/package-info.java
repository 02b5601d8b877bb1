/**
 * How classes map to tables (SQLAlchemy's {@code orm/mapper.py}, {@code properties.py},
 * {@code relationships.py}): one {@link org.jalchemy.orm.mapping.Mapper} per entity class, built
 * once from its annotations, holding its {@link org.jalchemy.orm.mapping.ColumnProperty column
 * properties} (with their field accessors), {@link org.jalchemy.orm.mapping.RelationshipProperty
 * relationships} (resolved lazily) and its {@link org.jalchemy.orm.mapping.MappedTable}; the
 * metamodel's {@link org.jalchemy.orm.mapping.Attribute} and
 * {@link org.jalchemy.orm.mapping.RelationshipAttribute} (what {@code User_.username} and
 * {@code User_.posts} are).
 *
 * <p>Public (inspection and the generated metamodel), immutable once built, shared by every
 * session. Depends on the annotations and jalchemy-core only: never on the session, loading or
 * unit-of-work internals (the layering test checks it).
 */
package org.jalchemy.orm.mapping;
