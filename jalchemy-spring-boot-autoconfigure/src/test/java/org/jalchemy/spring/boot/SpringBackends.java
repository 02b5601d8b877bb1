package org.jalchemy.spring.boot;

import org.jalchemy.engine.URL;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.Backends;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Path;

/**
 * The test backends as Spring Boot sees them: {@code spring.datasource.*} for this module's test
 * database on each ({@link Backends}), and a condition that skips a backend the run did not select.
 */
public final class SpringBackends implements ExecutionCondition {
    /** Registers spring.datasource.url/username/password for {@code name}'s test database (created if missing). */
    public static void datasource(String name, DynamicPropertyRegistry registry) {
        Backend b = Backends.get(name);
        b.engine(); // creates the database on first use
        URL u = URL.parse(b.url());
        String jdbc = switch (name) {
            case "sqlite" -> "jdbc:sqlite:" + Path.of(u.database()).toAbsolutePath();
            case "postgresql" -> "jdbc:postgresql://" + u.host() + ":" + (u.port() == null ? 5432 : u.port()) + "/" + u.database();
            default -> "jdbc:mariadb://" + u.host() + ":" + (u.port() == null ? 3306 : u.port()) + "/" + u.database();
        };
        registry.add("spring.datasource.url", () -> jdbc);
        if (u.username() != null) {
            registry.add("spring.datasource.username", u::username);
        }
        if (u.password() != null) {
            registry.add("spring.datasource.password", u::password);
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        OnBackend on = context.getTestClass().map(c -> c.getAnnotation(OnBackend.class)).orElse(null);
        if (on == null || Backends.enabled().stream().anyMatch(b -> b.name().equals(on.value()))) {
            return ConditionEvaluationResult.enabled("backend selected");
        }
        return ConditionEvaluationResult.disabled(on.value() + " is not in JALCHEMY_TEST_BACKENDS");
    }
}
