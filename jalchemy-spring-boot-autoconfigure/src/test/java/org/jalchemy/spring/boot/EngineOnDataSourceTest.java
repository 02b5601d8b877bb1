package org.jalchemy.spring.boot;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineOptions;
import org.jalchemy.engine.URL;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/**
 * Core's engine on an application DataSource (what the auto-configuration builds on Spring Boot's
 * pool), here one that is not HikariCP: the connection comes back with the autocommit it was
 * handed out with, the dialect's per-connection set-up runs once per physical connection, and
 * disposing the engine leaves the DataSource open.
 */
class EngineOnDataSourceTest {
    private static String jdbcUrl(Backend b) {
        URL u = URL.parse(b.url());
        return switch (b.name()) {
            case "sqlite" -> "jdbc:sqlite:" + Path.of(u.database()).toAbsolutePath();
            case "postgresql" -> "jdbc:postgresql://" + u.host() + ":" + (u.port() == null ? 5432 : u.port()) + "/" + u.database();
            default -> "jdbc:mariadb://" + u.host() + ":" + (u.port() == null ? 3306 : u.port()) + "/" + u.database();
        };
    }

    @BackendTest
    void engineUsesTheApplicationDataSourceAndHandsConnectionsBackAsItFoundThem(Backend backend) throws Exception {
        backend.engine();
        URL u = URL.parse(backend.url());
        SingleConnectionDataSource ds = new SingleConnectionDataSource(jdbcUrl(backend), u.username(), u.password(), true);
        ds.setAutoCommit(true);
        try {
            Engine engine = Jalchemy.createEngine(JdbcUrls.toJalchemy(jdbcUrl(backend), null, null), ds, EngineOptions.defaults());
            assertThat(engine.externalDataSource()).isSameAs(ds);
            for (int i = 0; i < 2; i++) {
                try (var c = engine.connect()) {
                    assertThat(c.jdbc().getAutoCommit()).isFalse();
                    assertThat(((Number) c.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
                    if (backend.isMariadb()) {
                        String mode = (String) c.execute(text("SELECT @@SESSION.sql_mode")).scalarOne();
                        assertThat(mode.split(",")).containsOnlyOnce("NO_AUTO_VALUE_ON_ZERO");
                    }
                }
                assertThat(ds.getConnection().getAutoCommit()).isTrue();
            }
            engine.dispose();
            assertThat(ds.getConnection().isClosed()).isFalse();
        } finally {
            ds.destroy();
        }
    }
}
