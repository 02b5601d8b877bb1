package org.jalchemy.migrate;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.migrate.runtime.MigrationLockError;
import org.jalchemy.schema.Inspector;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.migrate.Ddl.column;
import static org.jalchemy.migrate.MigrateTesting.versions;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * A failure half-way through a revision leaves the version table telling the truth and a re-run
 * finishes the job with every op applied once (MariaDB: resumed statement by statement; PostgreSQL
 * and SQLite: rolled back and run again); two migrators at once are serialised by the lock.
 */
class SafetyTest {
    static final String VT = "sf_version";

    private static long count(Engine e, String sql) {
        try (Connection c = e.connect()) {
            return ((Number) c.execDriverSql(sql).scalar()).longValue();
        }
    }

    @BackendTest
    void thirdOpFailsThenTheFixedScriptFinishesWithEveryOpAppliedOnce(Backend backend) {
        Engine e = backend.engine();
        MigrateTesting.reset(e, VT, "sf_log", "sf_items");
        AtomicBoolean fixed = new AtomicBoolean(false);
        Migration base = TestMigration.of("sf0000000001", null, op -> {
            op.createTable("sf_items", column("id", integer()).primaryKey(), column("name", string(50)));
            op.createTable("sf_log", column("id", integer()).primaryKey(), column("what", string(50)));
        }, op -> {
            op.dropTable("sf_log");
            op.dropTable("sf_items");
        });
        Migration flaky = TestMigration.of("sf0000000002", "sf0000000001", op -> {
            op.addColumn("sf_items", column("price", integer()));                           // 1
            op.execute("INSERT INTO sf_log (id, what) VALUES (1, 'price added')");            // 2: data, must not repeat
            op.createIndex("ix_sf_items_price", "sf_items", fixed.get() ? "price" : "prize"); // 3: fails until fixed
            op.addColumn("sf_items", column("stock", integer()));                           // 4
        }, op -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Commands cmd = MigrateTesting.commands(e, VT, out, List.of(base, flaky));
        cmd.upgrade("sf0000000001", false);

        assertThatThrownBy(() -> cmd.upgrade("head", false)).hasMessageContaining("prize");
        assertThat(out.toString()).contains("FAILED at 'create index ix_sf_items_price");
        assertThat(versions(e, VT)).containsExactly("sf0000000001"); // the truth: sf2 is not complete
        out.reset();
        cmd.current(false);
        if (backend.isMariadb()) {
            // DDL committed as it ran: the progress row says how far sf2 got
            assertThat(MigrateTesting.columns(e, "sf_items")).contains("price").doesNotContain("stock");
            assertThat(out.toString()).contains("sf0000000002 is part-way through its upgrade: 2 statement(s) applied");
        } else {
            assertThat(MigrateTesting.columns(e, "sf_items")).doesNotContain("price");
            assertThat(count(e, "SELECT COUNT(*) FROM sf_log")).isZero();
        }

        fixed.set(true);
        cmd.upgrade("head", false);
        assertThat(versions(e, VT)).containsExactly("sf0000000002");
        assertThat(MigrateTesting.columns(e, "sf_items")).containsExactly("id", "name", "price", "stock");
        assertThat(count(e, "SELECT COUNT(*) FROM sf_log")).isEqualTo(1);
        assertThat(new Inspector(e).getIndexes("sf_items")).anySatisfy(ix -> assertThat(ix.columns()).containsExactly("price"));
        out.reset();
        cmd.current(false);
        assertThat(out.toString()).doesNotContain("part-way");
        MigrateTesting.reset(e, VT, "sf_log", "sf_items");
    }

    @BackendTest
    void editingAnAppliedStatementOfAHalfDoneRevisionIsRefused(Backend backend) {
        Engine e = backend.engine();
        MigrateTesting.reset(e, VT, "sf_items");
        AtomicInteger variant = new AtomicInteger(0);
        Migration rev = TestMigration.of("sf0000000003", null, op -> {
            op.createTable("sf_items", column("id", integer()).primaryKey());
            op.addColumn("sf_items", column(variant.get() == 2 ? "cost" : "price", integer()));
            op.execute(variant.get() == 0 ? "SELECT * FROM sf_nowhere" : "SELECT 1");
        }, op -> { });
        Commands cmd = MigrateTesting.commands(e, VT, new ByteArrayOutputStream(), List.of(rev));
        assertThatThrownBy(() -> cmd.upgrade("head", false)).hasMessageContaining("sf_nowhere");
        if (backend.isMariadb()) {
            variant.set(2); // the applied addColumn changed: refuse rather than guess
            assertThatThrownBy(() -> cmd.upgrade("head", false)).isInstanceOf(MigrationError.class)
                    .hasMessageContaining("Statement 2 of revision sf0000000003 was applied before");
        }
        variant.set(1);
        cmd.upgrade("head", false);
        assertThat(MigrateTesting.columns(e, "sf_items")).containsExactly("id", "price");
        MigrateTesting.reset(e, VT, "sf_items");
    }

    @BackendTest
    void aSecondMigratorWaitsForTheLockOrGivesUpClearly(Backend backend) throws Exception {
        Engine e = backend.engine();
        MigrateTesting.reset(e, VT, "sf_items");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Migration slow = TestMigration.of("sf0000000004", null, op -> {
            runs.incrementAndGet();
            op.createTable("sf_items", column("id", integer()).primaryKey());
            inside.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, op -> op.dropTable("sf_items"));
        try (Engine other = backend.newEngine(o -> o)) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() ->
                    MigrateTesting.commands(e, VT, new ByteArrayOutputStream(), List.of(slow)).upgrade("head", false));
            assertThat(inside.await(20, TimeUnit.SECONDS)).isTrue();
            Commands second = MigrateTesting.commands(other, VT, new ByteArrayOutputStream(), List.of(slow))
                    .lockTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> second.upgrade("head", false)).isInstanceOf(MigrationLockError.class)
                    .hasMessageContaining("within 0 s");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() ->
                    MigrateTesting.commands(other, VT, new ByteArrayOutputStream(), List.of(slow))
                            .lockTimeout(Duration.ofSeconds(30)).upgrade("head", false));
            Thread.sleep(300);
            assertThat(waiting).isNotDone();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            waiting.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        assertThat(runs.get()).isEqualTo(1); // the waiter found the database at head
        assertThat(versions(e, VT)).containsExactly("sf0000000004");
        MigrateTesting.reset(e, VT, "sf_items");
    }
}
