/**
 * jalchemy-maven-plugin: the migration commands as Maven goals ({@code jalchemy:upgrade},
 * {@code jalchemy:revision}, {@code jalchemy:check}, ...), each a thin {@link org.apache.maven.plugin.Mojo}
 * over {@link org.jalchemy.migrate.Commands}, run with the project's compile classpath.
 */
package org.jalchemy.maven;
