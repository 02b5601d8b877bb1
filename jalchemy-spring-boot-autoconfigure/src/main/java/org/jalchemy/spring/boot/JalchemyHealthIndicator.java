package org.jalchemy.spring.boot;

import org.jalchemy.engine.Engine;
import org.jalchemy.engine.PoolStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import static org.jalchemy.sql.Sql.text;

/**
 * Actuator health of one {@link Engine}: UP when a connection checked out of its pool answers
 * {@code SELECT 1}, DOWN with the error otherwise (a checkout that waits is bounded by the pool
 * timeout). Details: the dialect, the URL without password and the pool counters.
 */
public class JalchemyHealthIndicator extends AbstractHealthIndicator {
    private final Engine engine;

    public JalchemyHealthIndicator(Engine engine) {
        super("jalchemy health check failed");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("database", engine.dialect().name()).withDetail("url", engine.url().toString());
        try (var c = engine.connect()) {
            c.execute(text("SELECT 1")).scalarOne();
        }
        PoolStatus p = engine.poolStatus();
        builder.up().withDetail("pool", p.toString());
    }
}
