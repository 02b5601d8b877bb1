package org.jalchemy.asyncio;

import org.jalchemy.engine.Result;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.asyncio.AsyncTesting.done;
import static org.jalchemy.sql.Sql.text;

/** AsyncEngine and AsyncConnection: checkout, transactions, scopes, pool waits, on every backend. */
class AsyncEngineTest {
    private static final String INSERT = "INSERT INTO ae_items (id, name) VALUES (:id, :name)";

    private static void table(Backend backend) {
        Db.dropTables(backend.engine(), "ae_items");
        Db.exec(backend.engine(), "CREATE TABLE ae_items (id INTEGER PRIMARY KEY, name VARCHAR(20))");
    }

    private static List<String> names(AsyncEngine engine) {
        return done(engine.withConnection(c -> c.<String>scalars(text("SELECT name FROM ae_items ORDER BY id"))));
    }

    @BackendTest
    void connectionsCommitRollBackAndCloseThroughFutures(Backend backend) {
        table(backend);
        try (AsyncEngine engine = AsyncJalchemy.createAsyncEngine(backend.url(), o -> o.poolSize(2).maxOverflow(0))) {
            AsyncConnection conn = done(engine.connect());
            done(conn.execute(text(INSERT), Map.of("id", 1, "name", "uno")));
            done(conn.rollback());
            done(conn.execute(text(INSERT), List.of(Map.of("id", 2, "name", "dos"), Map.of("id", 3, "name", "tres"))));
            done(conn.commit());
            Result rows = done(conn.execute(text("SELECT id, name FROM ae_items ORDER BY id")));
            done(conn.close());
            assertThat(rows.all()).extracting(r -> r.get("name")).containsExactly("dos", "tres");

            AsyncConnection begun = done(engine.begin());
            done(begun.execute(text(INSERT), Map.of("id", 4, "name", "cuatro")));
            done(begun.close());                                  // no commit: rolled back
            assertThat(names(engine)).containsExactly("dos", "tres");
            String viaRunSync = done(engine.withConnection(c -> c.runSync(sync ->
                    (String) sync.execute(text("SELECT name FROM ae_items WHERE id = 2")).scalar())));
            assertThat(viaRunSync).isEqualTo("dos");
            assertThat(engine.poolStatus().checkedOut()).isZero();
            done(engine.dispose());
            assertThat(names(engine)).as("usable after dispose").hasSize(2);
        } finally {
            Db.dropTables(backend.engine(), "ae_items");
        }
    }

    @BackendTest
    void transactionCommitsOnSuccessAndRollsBackOnFailure(Backend backend) {
        table(backend);
        try (AsyncEngine engine = AsyncTesting.engine(backend, 2)) {
            done(engine.transaction(c -> c.execute(text(INSERT), Map.of("id", 1, "name", "kept"))));
            CompletableFuture<Result> dup = engine.transaction(c -> c.execute(text(INSERT), Map.of("id", 2, "name", "lost"))
                    .thenCompose(r -> c.execute(text(INSERT), Map.of("id", 1, "name", "dup"))));
            assertThatThrownBy(() -> AsyncJalchemy.await(dup)).isInstanceOf(IntegrityError.class);
            assertThatThrownBy(dup::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IntegrityError.class);
            assertThat(names(engine)).containsExactly("kept");
            assertThat(engine.poolStatus().checkedOut()).isZero();
        } finally {
            Db.dropTables(backend.engine(), "ae_items");
        }
    }

    @BackendTest
    void aCheckoutWaitsForThePoolWithoutBlockingTheCaller(Backend backend) {
        try (AsyncEngine engine = AsyncTesting.engine(backend, 1)) {
            AsyncConnection first = done(engine.connect());
            CompletableFuture<AsyncConnection> second = engine.connect();     // returns at once
            AsyncSessionTest.sleep(300);
            assertThat(second).as("waits for the pool's only connection").isNotDone();
            assertThat(engine.poolStatus().waiting()).isEqualTo(1);
            done(first.close());
            AsyncConnection got = done(second);
            assertThat(done(got.<Number>scalar(text("SELECT 1"))).intValue()).isEqualTo(1);
            done(got.close());
        }
    }
}
