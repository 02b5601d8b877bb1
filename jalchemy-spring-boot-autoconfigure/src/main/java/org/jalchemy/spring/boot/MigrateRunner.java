package org.jalchemy.spring.boot;

import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.Migration;
import org.jalchemy.migrate.MigrationError;
import org.jalchemy.migrate.Migrator;
import org.jalchemy.migrate.script.ClasspathScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.jalchemy.sql.Sql.text;

/**
 * The jalchemy-migrate calls of {@link JalchemyMigrationInitializer}, in a class of their own so
 * that the auto-configuration loads without jalchemy-migrate on the class path.
 */
final class MigrateRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JalchemyMigrationInitializer.class);

    private MigrateRunner() {
    }

    static boolean upgrade(Engine engine, JalchemyProperties.Migrate settings) {
        String pkg = settings.getScriptPackage();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        List<Migration> scripts = ClasspathScripts.scan(pkg, cl != null ? cl : MigrateRunner.class.getClassLoader());
        if (scripts.isEmpty()) {
            LOG.info("jalchemy.migrate: no revision scripts in package '{}': nothing to upgrade", pkg);
            return false;
        }
        try {
            Migrator.builder(engine).scripts(scripts).versionTable(settings.getVersionTable()).build()
                    .upgrade(settings.getTarget());
        } catch (MigrationError e) {
            List<String> current = currentRevisions(engine, settings.getVersionTable());
            List<String> known = scripts.stream().map(Migration::revision).toList();
            List<String> unknown = current.stream().filter(r -> !known.contains(r)).toList();
            if (!unknown.isEmpty()) {
                throw new MigrationError("jalchemy.migrate: the database " + engine.url() + " is at revision " + unknown
                        + ", which none of the " + scripts.size() + " revision scripts in package '" + pkg
                        + "' knows: the database is ahead of this application (a newer version migrated it, or the"
                        + " scripts are missing from the build). Start the version that has these scripts, or set"
                        + " jalchemy.migrate.enabled=false to start without migrating. (" + e.getMessage() + ")", e);
            }
            throw new MigrationError("jalchemy.migrate: upgrading " + engine.url() + " to '" + settings.getTarget()
                    + "' with the revision scripts of package '" + pkg + "' failed: " + e.getMessage(), e);
        }
        LOG.info("jalchemy.migrate: {} upgraded to '{}' ({} revision scripts in package '{}')", engine.url(),
                settings.getTarget(), scripts.size(), pkg);
        return true;
    }

    private static List<String> currentRevisions(Engine engine, String versionTable) {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT version_num FROM " + versionTable)).scalars().all().stream()
                    .map(String::valueOf).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
