package org.jalchemy.spring.boot;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.spring.boot.app.Account;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/** The auto-configuration's choices and its failures, without the acceptance app. */
class JalchemyAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JalchemyAutoConfiguration.class, JalchemyActuatorAutoConfiguration.class))
            .withPropertyValues("jalchemy.migrate.enabled=false");

    @Test
    void jalchemyUrlGivesAnEngineWithItsOwnPool() {
        runner.withPropertyValues("jalchemy.url=sqlite:///:memory:", "jalchemy.pool.size=3", "jalchemy.pool.max-overflow=2",
                "jalchemy.echo=true", "jalchemy.entity-packages=org.jalchemy.spring.boot.app").run(ctx -> {
            Engine engine = ctx.getBean(Engine.class);
            assertThat(engine.externalDataSource()).isNull();
            assertThat(engine.options().poolSize()).isEqualTo(3);
            assertThat(engine.options().maxOverflow()).isEqualTo(2);
            assertThat(engine.options().echo()).isTrue();
            assertThat(ctx.getBean(Registry.class).classes()).containsExactly(Account.class);
            assertThat(ctx.getBean(SessionFactory.class).engine()).isSameAs(engine);
            assertThat(ctx.getBean(PlatformTransactionManager.class)).isInstanceOf(JalchemyTransactionManager.class);
        });
    }

    @Test
    void transactionsOnTheEnginesOwnPoolCommitAndRollBack() {
        runner.withPropertyValues("jalchemy.url=sqlite:///:memory:", "jalchemy.entity-packages=org.jalchemy.spring.boot.app")
                .run(ctx -> {
                    ctx.getBean(Registry.class).metadata().createAll(ctx.getBean(Engine.class));
                    var tx = new org.springframework.transaction.support.TransactionTemplate(
                            ctx.getBean(PlatformTransactionManager.class));
                    org.jalchemy.orm.Session session = ctx.getBean(org.jalchemy.orm.Session.class);
                    tx.executeWithoutResult(st -> session.add(new Account("kept", 5)));
                    tx.executeWithoutResult(st -> {
                        session.add(new Account("discarded", 1));
                        session.flush();
                        st.setRollbackOnly();
                    });
                    Object owners = tx.execute(st -> session.execute(text("SELECT owner FROM sb_accounts")).scalars().all());
                    assertThat(owners).isEqualTo(java.util.List.of("kept"));
                });
    }

    @Test
    void springDatasourceUrlWithoutADataSourceBeanIsMappedToTheDialect() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/app", "spring.datasource.username=u",
                "spring.datasource.password=secret").run(ctx -> {
            Engine engine = ctx.getBean(Engine.class);
            assertThat(engine.dialect().name()).isEqualTo("postgresql");
            assertThat(engine.url().render(false)).isEqualTo("postgresql://u:secret@127.0.0.1:5432/app");
        });
    }

    @Test
    void noDatabaseFailsTheStartUpNamingTheProperties() {
        runner.run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                .hasMessageContaining("jalchemy.url").hasMessageContaining("spring.datasource.url"));
    }

    @Test
    void applicationBeansWin() {
        runner.withBean(Engine.class, () -> Jalchemy.createEngine("sqlite:///:memory:"))
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(new org.springframework.jdbc.datasource.SimpleDriverDataSource()))
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(Engine.class);
                    assertThat(ctx.getBean(PlatformTransactionManager.class)).isInstanceOf(DataSourceTransactionManager.class);
                    assertThat(ctx).hasSingleBean(SessionFactory.class);
                });
    }

    @Test
    void configurationMetadataDescribesTheProperties() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).contains("\"jalchemy.url\"", "\"jalchemy.pool.size\"", "\"jalchemy.pool.max-overflow\"",
                    "\"jalchemy.echo\"", "\"jalchemy.migrate.enabled\"", "\"jalchemy.entity-packages\"", "Connections kept open");
        }
    }

    @BackendTest
    void startUpFailsClearlyWhenTheDatabaseIsAheadOfTheScripts(Backend backend) {
        try (var c = backend.engine().connect()) {
            c.execute(text("DROP TABLE IF EXISTS sb_ahead_version"));
            c.execute(text("CREATE TABLE sb_ahead_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"));
            c.execute(text("INSERT INTO sb_ahead_version (version_num) VALUES ('ffffffffffff')"));
            c.commit();
        }
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JalchemyAutoConfiguration.class))
                .withPropertyValues("jalchemy.url=" + backend.url(),
                        "jalchemy.migrate.script-package=org.jalchemy.spring.boot.app.migrations",
                        "jalchemy.migrate.version-table=sb_ahead_version")
                .run(ctx -> assertThat(outermostMigrationError(ctx.getStartupFailure()))
                        .hasMessageContaining("is at revision [ffffffffffff]")
                        .hasMessageContaining("the database is ahead of this application")
                        .hasMessageContaining("org.jalchemy.spring.boot.app.migrations"));
    }

    private static Throwable outermostMigrationError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.jalchemy.migrate.MigrationError) {
                return t;
            }
        }
        throw new AssertionError("no MigrationError in " + failure, failure);
    }
}
