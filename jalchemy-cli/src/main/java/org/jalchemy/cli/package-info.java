/**
 * jalchemy-cli: the {@code jalchemy} command line ({@code jalchemy migrate <command>}), picocli
 * over {@link org.jalchemy.migrate.Commands}; {@link org.jalchemy.cli.Main} is the runnable jar's
 * entry point, {@link org.jalchemy.cli.JalchemyCli#run} the same program in-process. Nothing
 * depends on this module.
 */
package org.jalchemy.cli;
