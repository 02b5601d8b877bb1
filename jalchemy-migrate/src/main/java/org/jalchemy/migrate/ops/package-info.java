/**
 * The operations of a migration as immutable values ({@link org.jalchemy.migrate.ops.MigrateOp}
 * and the column/constraint/index/table definitions they carry): recorded from scripts, produced
 * by autogenerate, inspected by lint, compiled to SQL by the runtime.
 */
package org.jalchemy.migrate.ops;
