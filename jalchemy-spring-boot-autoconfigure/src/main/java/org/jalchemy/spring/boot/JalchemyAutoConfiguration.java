package org.jalchemy.spring.boot;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineOptions;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.Registry;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionFactory;
import org.jalchemy.orm.annotations.Entity;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.transaction.TransactionManager;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Auto-configuration of jalchemy for Spring Boot (Flyway's and jOOQ's are the model): each bean
 * backs off when the application defines its own of the same type.
 *
 * <ul>
 *   <li>{@link Engine}: from {@code jalchemy.url} with a pool of its own ({@code jalchemy.pool.*});
 *       else on the application's {@code DataSource} bean (the dialect from
 *       {@code spring.datasource.url} or the connection's metadata); else from
 *       {@code spring.datasource.url/username/password} mapped by {@link JdbcUrls}. No database
 *       configured fails the start-up saying which property to set.</li>
 *   <li>{@link Registry}: the {@code @Entity} classes of {@code jalchemy.entity-packages} (default:
 *       the application's packages), mapped at start-up so mapping errors stop the application.</li>
 *   <li>{@link SessionFactory} ({@code jalchemy.session.*}), created after migrations ran.</li>
 *   <li>{@link JalchemyTransactionManager} as the application's transaction manager (unless it
 *       defines one), the injectable {@link TransactionalSession}, and
 *       {@link JalchemyExceptionTranslator} for {@code @Repository} exception translation.</li>
 *   <li>{@link JalchemyMigrationInitializer} when jalchemy-migrate is present and
 *       {@code jalchemy.migrate.enabled} is not false.</li>
 * </ul>
 * It runs after Spring Boot's DataSource auto-configuration and before its JDBC transaction
 * manager's, which then backs off.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({Engine.class, SessionFactory.class})
@EnableConfigurationProperties(JalchemyProperties.class)
public class JalchemyAutoConfiguration {

    @Bean(destroyMethod = "dispose")
    @ConditionalOnMissingBean
    public Engine jalchemyEngine(JalchemyProperties properties, ObjectProvider<DataSource> dataSources, Environment env) {
        EngineOptions.Builder o = EngineOptions.builder().echo(properties.isEcho()).hideParameters(properties.isHideParameters());
        if (properties.getStatementTimeout() != null) {
            o.statementTimeout(properties.getStatementTimeout());
        }
        if (properties.getSlowQueryThreshold() != null) {
            o.slowQueryThreshold(properties.getSlowQueryThreshold());
        }
        if (properties.getUrl() != null && !properties.getUrl().isBlank()) {
            return Jalchemy.createEngine(properties.getUrl(), pool(o, properties.getPool()).build());
        }
        String jdbcUrl = env.getProperty("spring.datasource.url");
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource != null) {
            String url = JdbcUrls.toJalchemy(jdbcUrl != null ? jdbcUrl : metadataUrl(dataSource), null, null);
            return Jalchemy.createEngine(url, dataSource, o.build());
        }
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            String url = JdbcUrls.toJalchemy(jdbcUrl, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"));
            return Jalchemy.createEngine(url, pool(o, properties.getPool()).build());
        }
        throw new ArgumentError("jalchemy has no database to connect to: set jalchemy.url (e.g."
                + " postgresql://user:password@localhost:5432/app or sqlite:///app.db) or spring.datasource.url, or define"
                + " a DataSource or Engine bean");
    }

    private static EngineOptions.Builder pool(EngineOptions.Builder o, JalchemyProperties.Pool p) {
        return o.poolSize(p.getSize()).maxOverflow(p.getMaxOverflow()).poolTimeout(p.getTimeout()).prePing(p.isPrePing())
                .recycle(p.getRecycle());
    }

    private static String metadataUrl(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new ArgumentError("jalchemy could not read the JDBC URL of the application's DataSource to choose its"
                    + " dialect (" + e.getMessage() + "): set spring.datasource.url or jalchemy.url");
        }
    }

    @Bean
    @ConditionalOnMissingBean
    public Registry jalchemyRegistry(JalchemyProperties properties, BeanFactory beanFactory) {
        List<String> packages = new ArrayList<>(properties.getEntityPackages());
        if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
            packages.addAll(AutoConfigurationPackages.get(beanFactory));
        }
        return Registry.of(scanEntities(packages, beanFactory.getClass().getClassLoader()).toArray(Class<?>[]::new));
    }

    /** The {@code @Entity} classes under {@code packages}, sorted by name (a stable mapping order). */
    static List<Class<?>> scanEntities(List<String> packages, ClassLoader loader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        TreeSet<String> names = new TreeSet<>();
        for (String pkg : packages) {
            scanner.findCandidateComponents(pkg).forEach(bd -> names.add(bd.getBeanClassName()));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(ClassUtils.resolveClassName(name, loader));
        }
        return classes;
    }

    @Bean
    @ConditionalOnMissingBean
    public SessionFactory jalchemySessionFactory(Engine engine, JalchemyProperties properties, Registry registry,
                                                 ObjectProvider<JalchemyMigrationInitializer> migrations) {
        migrations.ifAvailable(m -> { }); // migrations first: no Session meets an old schema
        return SessionFactory.builder(engine).expireOnCommit(properties.getSession().isExpireOnCommit())
                .autoflush(properties.getSession().isAutoflush()).build();
    }

    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    public JalchemyTransactionManager transactionManager(SessionFactory sessionFactory) {
        return new JalchemyTransactionManager(sessionFactory);
    }

    /** Spring's {@code @Repository} exception translation for jalchemy's exceptions. */
    @Bean
    @ConditionalOnMissingBean
    public static JalchemyExceptionTranslator jalchemyExceptionTranslator() {
        return new JalchemyExceptionTranslator();
    }

    @Bean
    @ConditionalOnMissingBean(Session.class)
    public TransactionalSession jalchemySession(SessionFactory sessionFactory) {
        return new TransactionalSession(sessionFactory);
    }

    /** Migrations at start-up, when jalchemy-migrate is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.jalchemy.migrate.Migrator")
    @ConditionalOnBooleanProperty(name = "jalchemy.migrate.enabled", matchIfMissing = true)
    static class MigrateConfiguration {
        @Bean
        @ConditionalOnMissingBean
        JalchemyMigrationInitializer jalchemyMigrationInitializer(Engine engine, JalchemyProperties properties) {
            return new JalchemyMigrationInitializer(engine, properties.getMigrate());
        }
    }
}
