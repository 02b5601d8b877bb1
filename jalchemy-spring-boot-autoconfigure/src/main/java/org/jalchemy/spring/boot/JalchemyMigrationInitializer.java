package org.jalchemy.spring.boot;

import org.jalchemy.engine.Engine;
import org.springframework.beans.factory.InitializingBean;

/**
 * Upgrades the database when the application context starts (Flyway's
 * {@code FlywayMigrationInitializer}), before the {@code SessionFactory} bean is created: the
 * auto-configuration makes the SessionFactory depend on this bean, so no Session meets a schema
 * older than the scripts. Settings: {@code jalchemy.migrate.*}. A failure fails the start-up with
 * a {@link org.jalchemy.migrate.MigrationError} that names the database, the package and, when
 * the database's revision is not among the scripts, says that the database is ahead of them.
 */
public class JalchemyMigrationInitializer implements InitializingBean {
    private final Engine engine;
    private final JalchemyProperties.Migrate settings;
    private volatile boolean ran;

    public JalchemyMigrationInitializer(Engine engine, JalchemyProperties.Migrate settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        ran = MigrateRunner.upgrade(engine, settings);
    }

    /** True when revision scripts were found and the upgrade ran. */
    public boolean ran() {
        return ran;
    }
}
