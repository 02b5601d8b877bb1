/** Autogenerate: comparing the models' MetaData with the reflected database (to ops), and rendering ops as Java. */
package org.jalchemy.migrate.autogenerate;
