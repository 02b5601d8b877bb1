package org.jalchemy.spring.boot;

import org.jalchemy.engine.Engine;
import org.jalchemy.metrics.JalchemyMetrics;
import org.jalchemy.orm.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Monitoring beans, each only when its libraries are present: a {@link JalchemyMetrics} binder ({@link JalchemyMeterBinder}) (pool,
 * statements, ORM) that Spring Boot binds to the application's {@code MeterRegistry} when
 * jalchemy-metrics and Micrometer are on the class path, and a health contributor named
 * {@code jalchemy} ({@link JalchemyHealthIndicator}; one entry per {@link Engine} bean when there
 * are several) when Spring Boot's health module is, unless {@code management.health.jalchemy.enabled=false}.
 */
@AutoConfiguration(after = JalchemyAutoConfiguration.class)
@ConditionalOnClass(Engine.class)
public class JalchemyActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.jalchemy.metrics.JalchemyMetrics", "io.micrometer.core.instrument.MeterRegistry"})
    static class Metrics {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        @ConditionalOnBean(Engine.class)
        JalchemyMeterBinder jalchemyMetrics(Engine engine, ObjectProvider<SessionFactory> sessionFactory) {
            JalchemyMetrics metrics = new JalchemyMetrics(engine);
            sessionFactory.ifAvailable(metrics::orm);
            return new JalchemyMeterBinder(metrics);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("jalchemy")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "jalchemyHealthContributor")
        @ConditionalOnBean(Engine.class)
        HealthContributor jalchemyHealthContributor(Map<String, Engine> engines) {
            if (engines.size() == 1) {
                return new JalchemyHealthIndicator(engines.values().iterator().next());
            }
            return CompositeHealthContributor.fromMap(engines, JalchemyHealthIndicator::new);
        }
    }
}
