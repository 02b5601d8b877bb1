/**
 * jalchemy-migrate: Alembic for Java. Public API: {@link org.jalchemy.migrate.Migration} (a
 * revision script), {@link org.jalchemy.migrate.Ops} (what scripts call), {@link org.jalchemy.migrate.Ddl}
 * (column/constraint/index definitions), {@link org.jalchemy.migrate.Commands} (init, revision,
 * upgrade, downgrade, ...; shared by the CLI and the Maven plugin) and
 * {@link org.jalchemy.migrate.Migrator} (upgrade at application start-up). Sub-packages hold the
 * parts: {@code ops} (the operation values), {@code script} (script directory, revision graph,
 * script compilation), {@code runtime} (version table, lock, runner, op compilation),
 * {@code autogenerate} (compare and render), {@code lint}, {@code config}.
 */
package org.jalchemy.migrate;
