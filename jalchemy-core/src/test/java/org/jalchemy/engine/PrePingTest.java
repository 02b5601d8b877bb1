package org.jalchemy.engine;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.junit.jupiter.api.Assumptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/**
 * Every pooled connection killed by the server a moment ago (HikariCP re-validates only
 * connections idle for more than 500 ms): with prePing every checkout still gets a live
 * connection, and without it the first statement that meets a dead one invalidates the whole pool,
 * so the others are replaced without failing (SQLAlchemy's pool invalidation).
 */
class PrePingTest {
    private static final int POOL = 4;

    /** Checks out all {@code POOL} connections at once, returns their server pids, commits and returns them. */
    private static List<Object> warmPool(Backend backend, Engine e) {
        List<Connection> held = new ArrayList<>();
        List<Object> pids = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                Connection c = e.connect();
                held.add(c);
                pids.add(c.execute(text(backend.backendPidSql())).scalarOne());
                c.commit(); // idle, not in a transaction, when killed
            }
        } finally {
            held.forEach(Connection::close);
        }
        assertThat(e.poolStatus().total()).isEqualTo(POOL);
        return pids;
    }

    @BackendTest
    void prePingHandsOutOnlyLiveConnectionsAfterAllWereKilled(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server that could drop a connection");
        try (Engine e = backend.newEngine(o -> o.poolSize(POOL).maxOverflow(0).prePing(true))) {
            List<Object> before = warmPool(backend, e);
            backend.killSessions(before);
            List<Connection> held = new ArrayList<>();
            Set<Object> after = new HashSet<>();
            try {
                for (int i = 0; i < POOL; i++) {
                    Connection c = e.connect(); // all held at once: each must be a different, live one
                    held.add(c);
                    after.add(c.execute(text(backend.backendPidSql())).scalarOne());
                }
            } finally {
                held.forEach(Connection::close);
            }
            assertThat(after).hasSize(POOL).doesNotContainAnyElementsOf(before);
        }
    }

    @BackendTest
    void aLostConnectionInvalidatesThePoolSoOnlyOneStatementFails(Backend backend) {
        Assumptions.assumeFalse(backend.isSqlite(), "SQLite has no server that could drop a connection");
        try (Engine e = backend.newEngine(o -> o.poolSize(POOL).maxOverflow(0))) {
            List<Object> before = warmPool(backend, e);
            backend.killSessions(before);
            int failures = 0;
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < POOL; i++) {
                    Connection c = e.connect();
                    held.add(c);
                    try {
                        c.execute(text("SELECT 1")).all();
                    } catch (org.jalchemy.exc.OperationalError lost) {
                        failures++;
                    }
                }
            } finally {
                held.forEach(Connection::close);
            }
            assertThat(failures).as("statements that met a dead connection").isLessThanOrEqualTo(1);
        }
    }
}
