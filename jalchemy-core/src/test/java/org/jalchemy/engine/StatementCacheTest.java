package org.jalchemy.engine;

import org.jalchemy.exc.IntegrityError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.text;

/** Prepared statements reused per physical connection stay correct in every situation that reuses them. */
class StatementCacheTest {

    @BackendTest
    void reusedStatementsAcrossExecutionsAndCheckouts(Backend backend) {
        Db.dropTables(backend.engine(), "sc_t");
        Db.exec(backend.engine(), "CREATE TABLE sc_t (id INTEGER PRIMARY KEY, name VARCHAR(20))");
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(0))) {
            for (int round = 0; round < 3; round++) {
                try (Connection c = e.connect()) {
                    for (int i = 0; i < 5; i++) {
                        int id = round * 5 + i;
                        c.execute(text("INSERT INTO sc_t (id, name) VALUES (:id, :name)"), Map.of("id", id, "name", "n" + id));
                    }
                    c.commit();
                }
            }
            try (Connection c = e.connect()) {
                for (int id = 0; id < 15; id++) {
                    assertThat(c.execute(text("SELECT name FROM sc_t WHERE id = :id"), Map.of("id", id)).scalarOne())
                            .isEqualTo("n" + id);
                }
            }
        }
    }

    @BackendTest
    void theSameSqlWhileItsResultIsStillOpenGetsItsOwnStatement(Backend backend) {
        Db.dropTables(backend.engine(), "sc_t");
        Db.exec(backend.engine(), "CREATE TABLE sc_t (id INTEGER PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO sc_t (id, name) VALUES (1, 'a')", "INSERT INTO sc_t (id, name) VALUES (2, 'b')");
        try (Connection c = backend.engine().connect()) {
            List<String> seen = new ArrayList<>();
            try (Result outer = c.execute(text("SELECT id, name FROM sc_t WHERE id >= :min ORDER BY id"), Map.of("min", 1))) {
                for (Row r : outer) {
                    Object inner = c.execute(text("SELECT id, name FROM sc_t WHERE id >= :min ORDER BY id"),
                            Map.of("min", 2)).first().orElseThrow().get(1);
                    seen.add(r.get(1) + "/" + inner);
                }
            }
            assertThat(seen).containsExactly("a/b", "b/b");
        }
    }

    @BackendTest
    void aFailedStatementIsPreparedAfreshNextTime(Backend backend) {
        Db.dropTables(backend.engine(), "sc_t");
        Db.exec(backend.engine(), "CREATE TABLE sc_t (id INTEGER PRIMARY KEY, name VARCHAR(20))");
        try (Connection c = backend.engine().connect()) {
            c.execute(text("INSERT INTO sc_t (id, name) VALUES (:id, 'x')"), Map.of("id", 1));
            c.commit();
            assertThatThrownBy(() -> c.execute(text("INSERT INTO sc_t (id, name) VALUES (:id, 'x')"), Map.of("id", 1)))
                    .isInstanceOf(IntegrityError.class);
            c.rollback();
            c.execute(text("INSERT INTO sc_t (id, name) VALUES (:id, 'x')"), Map.of("id", 2));
            c.commit();
        }
        assertThat(Db.count(backend.engine(), "sc_t")).isEqualTo(2);
    }

    @BackendTest
    void aTableRecreatedWithOtherColumnsIsReadCorrectly(Backend backend) {
        Engine e = backend.engine();
        Db.dropTables(e, "sc_t");
        Db.exec(e, "CREATE TABLE sc_t (id INTEGER PRIMARY KEY, name VARCHAR(20))", "INSERT INTO sc_t VALUES (1, 'a')");
        for (int i = 0; i < 6; i++) { // past pgjdbc's server-prepare threshold
            try (Connection c = e.connect()) {
                assertThat(c.execute(text("SELECT * FROM sc_t")).all()).hasSize(1);
            }
        }
        Db.dropTables(e, "sc_t");
        Db.exec(e, "CREATE TABLE sc_t (id INTEGER PRIMARY KEY, name VARCHAR(20), extra INTEGER)",
                "INSERT INTO sc_t VALUES (1, 'a', 7)");
        try (Connection c = e.connect()) {
            Row r = c.execute(text("SELECT * FROM sc_t")).one();
            assertThat(r.size()).isEqualTo(3);
            assertThat(((Number) r.get("extra")).intValue()).isEqualTo(7);
        }
    }

    /**
     * A cached statement does not keep the rows of its last result once that result is closed:
     * mariadb-java-client's statement would hold every row until its next execution.
     */
    @BackendTest
    void aCachedStatementLetsItsClosedResultGo(Backend backend) throws Exception {
        Db.dropTables(backend.engine(), "sc_t");
        Db.exec(backend.engine(), "CREATE TABLE sc_t (id INTEGER PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO sc_t (id, name) VALUES (1, 'a')", "INSERT INTO sc_t (id, name) VALUES (2, 'b')");
        String sql = "SELECT id, name FROM sc_t ORDER BY id";
        try (Engine e = backend.newEngine(o -> o.poolSize(1).maxOverflow(0)); Connection c = e.connect()) {
            assertThat(c.execute(text(sql)).all()).hasSize(2);
            StatementCache cache = e.statementCacheFor(c.jdbc());
            java.sql.PreparedStatement cached = cache.acquire(sql);
            assertThat(cache.isCached(cached)).isTrue();
            if (backend.isMariadb()) { // pgjdbc drops a result's rows at close; sqlite-jdbc reads them lazily
                assertThat(cached.getResultSet()).isNull();
            }
            cache.release(cached);
            assertThat(c.execute(text(sql)).all()).hasSize(2); // still reusable
        }
    }
}
