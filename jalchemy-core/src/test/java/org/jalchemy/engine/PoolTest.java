package org.jalchemy.engine;

import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.TimeoutError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/** poolSize + maxOverflow as a hard cap, poolTimeout, prePing and option validation. */
class PoolTest {

    @BackendTest
    void atMostPoolSizePlusOverflowThenTimeoutError(Backend backend) {
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(2).poolTimeout(Duration.ofMillis(400)))) {
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Connection c = e.connect();
                    c.execute(text("SELECT 1")).all();
                    held.add(c);
                }
                assertThat(e.poolStatus().checkedOut()).isEqualTo(3);
                assertThat(e.poolStatus().total()).isEqualTo(3);
                long t0 = System.nanoTime();
                assertThatThrownBy(e::connect)
                        .isInstanceOf(TimeoutError.class)
                        .hasMessageContaining("size 1 overflow 2")
                        .hasMessageContaining("400 ms")
                        .hasMessageContaining(backend.name());
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
                held.remove(0).close();
                try (Connection c = e.connect()) {
                    assertThat(((Number) c.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
                }
            } finally {
                held.forEach(Connection::close);
            }
        }
    }

    @BackendTest
    void prePingReplacesAConnectionKilledByTheServer(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server that could drop a connection");
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(0).prePing(true))) {
            Object pid;
            try (Connection c = e.connect()) {
                pid = c.execute(text(backend.isPostgresql() ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")).scalarOne();
            }
            try (Connection killer = backend.engine().connect()) {
                if (backend.isPostgresql()) {
                    killer.execute(text("SELECT pg_terminate_backend(:pid)"), java.util.Map.of("pid", pid)).all();
                } else {
                    killer.execute(text("KILL " + ((Number) pid).longValue()));
                }
            }
            try (Connection c = e.connect()) {
                Object pid2 = c.execute(text(backend.isPostgresql() ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")).scalarOne();
                assertThat(pid2).isNotEqualTo(pid);
            }
        }
    }

    /**
     * The admission gate in front of the pool (QueuePool) gives a checkout's permit back whichever
     * way the checkout ends: check-in, a connection lost mid-use (invalidated), a connection the
     * pre-ping found dead. A permit kept would leave the pool one connection short for good: the
     * last connect below would wait for it and time out.
     */
    @BackendTest
    void everyEndOfACheckoutGivesItsPlaceBack(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server that could drop a connection");
        try (Engine e = backend.newEngine(o -> o.poolSize(2).maxOverflow(0).prePing(true).poolTimeout(Duration.ofMillis(800)))) {
            String pidSql = backend.isPostgresql() ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
            for (int round = 0; round < 3; round++) {
                Connection lost = e.connect();
                kill(backend, lost.execute(text(pidSql)).scalarOne());
                assertThatThrownBy(() -> lost.execute(text("SELECT 1"))).isInstanceOf(org.jalchemy.exc.OperationalError.class);
                lost.close(); // invalidated, not checked in
                Object idle;
                try (Connection c = e.connect()) {
                    idle = c.execute(text(pidSql)).scalarOne();
                }
                kill(backend, idle); // dead in the pool: the next checkout's pre-ping discards it
            }
            assertThat(e.poolStatus().checkedOut()).isZero();
            try (Connection a = e.connect(); Connection b = e.connect()) {
                assertThat(((Number) a.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
                assertThat(((Number) b.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
                assertThat(e.poolStatus().checkedOut()).isEqualTo(2);
                assertThatThrownBy(e::connect).isInstanceOf(TimeoutError.class);
            }
        }
    }

    private static void kill(Backend backend, Object pid) {
        try (Connection killer = backend.engine().connect()) {
            if (backend.isPostgresql()) {
                killer.execute(text("SELECT pg_terminate_backend(:pid)"), java.util.Map.of("pid", pid)).all();
            } else {
                killer.execute(text("KILL " + ((Number) pid).longValue()));
            }
        }
    }

    @BackendTest
    void lostConnectionIsOperationalErrorAndIsInvalidated(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server that could drop a connection");
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(0))) {
            Connection c = e.connect();
            Object pid = c.execute(text(backend.isPostgresql() ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")).scalarOne();
            try (Connection killer = backend.engine().connect()) {
                if (backend.isPostgresql()) {
                    killer.execute(text("SELECT pg_terminate_backend(:pid)"), java.util.Map.of("pid", pid)).all();
                } else {
                    killer.execute(text("KILL " + ((Number) pid).longValue()));
                }
            }
            assertThatThrownBy(() -> c.execute(text("SELECT 1")))
                    .isInstanceOf(org.jalchemy.exc.OperationalError.class)
                    .satisfies(ex -> assertThat(((org.jalchemy.exc.DBAPIError) ex).connectionInvalidated()).isTrue())
                    .hasMessageContaining("connection was lost");
            c.close();
            try (Connection fresh = e.connect()) {
                assertThat(((Number) fresh.execute(text("SELECT 1")).scalarOne()).intValue()).isEqualTo(1);
            }
        }
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> EngineOptions.builder().maxOverflow(-1).build())
                .isInstanceOf(ArgumentError.class).hasMessageContaining("maxOverflow");
        assertThatThrownBy(() -> EngineOptions.builder().poolTimeout(Duration.ofMillis(10)).build())
                .isInstanceOf(ArgumentError.class).hasMessageContaining("250 ms");
        assertThatThrownBy(() -> EngineOptions.builder().recycle(Duration.ofSeconds(5)).build())
                .isInstanceOf(ArgumentError.class).hasMessageContaining("recycle");
        assertThatThrownBy(() -> EngineOptions.builder().poolSize(0).maxOverflow(0).build())
                .isInstanceOf(ArgumentError.class);
        EngineOptions o = EngineOptions.builder().poolSize(20).maxOverflow(0).recycle(Duration.ofHours(1)).build();
        assertThat(o.poolSize()).isEqualTo(20);
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }
}
