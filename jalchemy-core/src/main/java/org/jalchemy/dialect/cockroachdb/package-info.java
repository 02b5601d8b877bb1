/**
 * CockroachDB as a variant of the PostgreSQL dialect ({@code cockroachdb://user@host:26257/db},
 * through pgjdbc). Compile-level only: its SQL is asserted in tests, no CockroachDB server runs in
 * this project's CI. See {@link org.jalchemy.dialect.cockroachdb.CockroachDialect} for the
 * differences it encodes.
 */
package org.jalchemy.dialect.cockroachdb;
