/**
 * YugabyteDB (YSQL) as a variant of the PostgreSQL dialect ({@code yugabytedb://user@host:5433/db},
 * through pgjdbc or YugabyteDB's smart driver). Compile-level only: its SQL is asserted in tests, no
 * YugabyteDB server runs in this project's CI. See
 * {@link org.jalchemy.dialect.yugabytedb.YugabyteDialect} for the differences it encodes.
 */
package org.jalchemy.dialect.yugabytedb;
