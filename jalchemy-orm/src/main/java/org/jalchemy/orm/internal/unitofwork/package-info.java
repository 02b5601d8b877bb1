/**
 * Internal: the flush (SQLAlchemy's {@code orm/unitofwork.py}, {@code persistence.py},
 * {@code dependency.py}). {@link org.jalchemy.orm.internal.unitofwork.UnitOfWork} collects
 * pending, dirty and deleted objects and runs batched INSERTs, UPDATEs and DELETEs in foreign-key
 * order ({@link org.jalchemy.orm.internal.unitofwork.FlushOrder});
 * {@link org.jalchemy.orm.internal.unitofwork.Dependencies} does the relationship half (cascades,
 * foreign-key values, association rows); {@link org.jalchemy.orm.internal.unitofwork.OrmStatements}
 * are the Core statements the flush and the session's own loads run, compiled once per shape.
 *
 * <p>Not API: classes are public only so that the ORM's other internal packages can use them.
 */
package org.jalchemy.orm.internal.unitofwork;
