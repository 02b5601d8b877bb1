/** Revision scripts: loading and compiling them, the revision graph and target resolution, writing new scripts. */
package org.jalchemy.migrate.script;
