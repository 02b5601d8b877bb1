package org.jalchemy.engine;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.sql.Sql.text;

/** Engine events fire in order with the SQL; echo logs statements, parameters and transactions. */
class EventsAndEchoTest {

    @BackendTest
    void listenersSeeConnectCheckoutExecuteCommitRollbackCheckin(Backend backend) {
        List<String> seen = new ArrayList<>();
        try (Engine e = backend.newEngine(o -> o)) {
            EngineEvents.Registration reg = e.events().listen(new EngineListener() {
                @Override
                public void connect(java.sql.Connection raw) {
                    seen.add("connect");
                }

                @Override
                public void checkout(Connection c) {
                    seen.add("checkout");
                }

                @Override
                public void checkin(Connection c) {
                    seen.add("checkin");
                }

                @Override
                public void begin(Connection c) {
                    seen.add("begin");
                }

                @Override
                public void beforeExecute(ExecuteContext ctx) {
                    seen.add("before:" + ctx.sql() + ":" + ctx.parameters().get(0).length);
                }

                @Override
                public void afterExecute(ExecuteContext ctx) {
                    assertThat(ctx.elapsedNanos()).isGreaterThanOrEqualTo(0);
                    seen.add("after");
                }

                @Override
                public void commit(Connection c) {
                    seen.add("commit");
                }

                @Override
                public void rollback(Connection c) {
                    seen.add("rollback");
                }
            });
            try (Connection c = e.connect()) {
                c.execute(text("SELECT :x"), Map.of("x", 1)).all();
                c.commit();
                c.execute(text("SELECT 2")).all();
                c.rollback();
            }
            assertThat(seen.get(0)).isEqualTo("connect");
            assertThat(seen.subList(seen.indexOf("checkout"), seen.size())).containsExactly(
                    "checkout", "begin", "before:SELECT ?:1", "after", "commit",
                    "begin", "before:SELECT 2:0", "after", "rollback", "checkin");
            reg.close();
            seen.clear();
            try (Connection c = e.connect()) {
                c.execute(text("SELECT 1")).all();
            }
            assertThat(seen).isEmpty();
        }
    }

    @BackendTest
    void afterExecuteReportsRowcountOfDml(Backend backend) {
        Db.dropTables(backend.engine(), "ev_t");
        Db.exec(backend.engine(), "CREATE TABLE ev_t (id INTEGER PRIMARY KEY)");
        List<Long> counts = new ArrayList<>();
        try (Engine e = backend.newEngine(o -> o)) {
            e.events().afterExecute(ctx -> counts.add(ctx.rowcount()));
            e.inTransaction(c -> {
                c.execute(text("INSERT INTO ev_t (id) VALUES (:id)"), List.of(Map.of("id", 1), Map.of("id", 2)));
                c.execute(text("DELETE FROM ev_t WHERE id > 0"));
            });
        }
        assertThat(counts).containsExactly(2L, 2L);
    }

    @BackendTest
    void echoLogsStatementsParametersAndTransactions(Backend backend) {
        PrintStream original = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (Engine e = backend.newEngine(o -> o.echo(true))) {
            try (Connection c = e.connect()) {
                c.execute(text("SELECT :a, :b"), Map.of("a", 7, "b", "x")).all();
                c.execute(text("SELECT :a, :b"), Map.of("a", 8, "b", "y")).all();
                c.commit();
            }
        } finally {
            System.setErr(original);
        }
        String log = buf.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("jalchemy.engine").contains("BEGIN (implicit)").contains("SELECT ?, ?")
                .contains("[generated] (7, 'x')").contains("[cached since").contains("(8, 'y')").contains("COMMIT");
    }

    @BackendTest
    void echoCanBeTurnedOffAndOnWhileRunning(Backend backend) {
        PrintStream original = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (Engine e = backend.newEngine(o -> o.echo(true))) {
            assertThat(e.echo()).isTrue();
            try (Connection c = e.connect()) {
                e.echo(false);
                c.execute(text("SELECT 'quiet'")).all();
                e.echo(true);
                c.execute(text("SELECT 'loud'")).all();
                c.commit();
            }
        } finally {
            System.setErr(original);
        }
        String log = buf.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("SELECT 'loud'").doesNotContain("SELECT 'quiet'");
    }

    @BackendTest
    void compiledCacheCompilesAShapeOnce(Backend backend) {
        try (Engine e = backend.newEngine(o -> o)) {
            try (Connection c = e.connect()) {
                for (int i = 0; i < 5; i++) {
                    c.execute(text("SELECT :v"), Map.of("v", i)).all();
                }
            }
            CompiledCache.Stats s = e.compiledCache().stats();
            assertThat(s.misses()).isEqualTo(1);
            assertThat(s.hits()).isEqualTo(4);
        }
    }
}
