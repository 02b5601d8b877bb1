/** The migration environment's settings (jalchemy.toml / jalchemy.properties). */
package org.jalchemy.migrate.config;
