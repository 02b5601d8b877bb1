package org.jalchemy.engine;

import org.jalchemy.exc.IntegrityError;
import org.jalchemy.sql.ColumnClause;
import org.jalchemy.sql.TableClause;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.sql.Sql.column;
import static org.jalchemy.sql.Sql.insert;
import static org.jalchemy.sql.Sql.select;
import static org.jalchemy.sql.Sql.table;
import static org.jalchemy.sql.Sql.text;
import static org.jalchemy.sql.Sql.update;
import static org.jalchemy.types.SqlTypes.integer;
import static org.jalchemy.types.SqlTypes.string;

/**
 * The hooks optional modules build on (jalchemy-cache, jalchemy-metrics): afterCommit names the
 * tables a transaction wrote, ExecuteContext describes a statement's shape and error, a
 * StatementInterceptor can answer a query without the database, and slowQueryThreshold logs.
 */
class ExecutionHooksTest {
    private static final TableClause USERS = table("hk_users", column("id", integer()), column("name", string(50)));
    private static final ColumnClause<Integer> ID = USERS.c("id", Integer.class);
    private static final ColumnClause<String> NAME = USERS.c("name", String.class);

    private static void schema(Backend backend) {
        Db.dropTables(backend.engine(), "hk_users", "hk_posts");
        Db.exec(backend.engine(), "CREATE TABLE hk_users (id INTEGER PRIMARY KEY, name VARCHAR(50))");
        Db.exec(backend.engine(), "CREATE TABLE hk_posts (id INTEGER PRIMARY KEY, title VARCHAR(50))");
    }

    private static List<TablesWritten> commits(Engine e) {
        List<TablesWritten> seen = new ArrayList<>();
        e.events().listen(new EngineListener() {
            @Override
            public void afterCommit(Connection connection, TablesWritten written) {
                seen.add(written);
            }
        });
        return seen;
    }

    @BackendTest
    void afterCommitNamesTheTablesATransactionWrote(Backend backend) {
        schema(backend);
        try (Engine e = backend.newEngine(o -> o)) {
            List<TablesWritten> seen = commits(e);
            try (Connection c = e.connect()) {
                c.execute(select(ID).selectFrom(USERS)).all();
                c.commit(); // read only: nothing reported
                c.execute(insert(USERS).values(Map.of(ID, 1, NAME, "ana")));
                c.execute(text("INSERT INTO hk_posts (id, title) VALUES (:i, :t)"), Map.of("i", 1, "t", "x"));
                c.commit();
                c.execute(update(USERS).values(Map.of(NAME, "bob")).where(ID.eq(1)));
                c.rollback(); // rolled back: nothing reported
                c.execute(text("DELETE FROM \"hk_posts\"".replace("\"", backend.isMariadb() ? "`" : "\"")));
                c.commit();
            }
            assertThat(seen).containsExactly(new TablesWritten(java.util.Set.of("hk_users", "hk_posts"), false),
                    new TablesWritten(java.util.Set.of("hk_posts"), false));
        }
    }

    @BackendTest
    void unreadableWritesReportUnknownAndAutocommitReportsEachStatement(Backend backend) {
        schema(backend);
        try (Engine e = backend.newEngine(o -> o)) {
            List<TablesWritten> seen = commits(e);
            try (Connection c = e.connect()) {
                c.execDriverSql("UPDATE hk_users SET name = 'x' WHERE id = -1");
                c.commit();
                c.autocommit(() -> c.execute(insert(USERS).values(Map.of(ID, 5, NAME, "eve"))));
            }
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0).unknown()).isTrue();
            assertThat(seen.get(0).touches("anything")).isTrue();
            assertThat(seen.get(1)).isEqualTo(new TablesWritten(java.util.Set.of("hk_users"), false));
        }
    }

    @BackendTest
    void executeContextDescribesShapeAndErrorKind(Backend backend) {
        schema(backend);
        List<String> seen = new ArrayList<>();
        try (Engine e = backend.newEngine(o -> o)) {
            e.events().listen(new EngineListener() {
                @Override
                public void afterExecute(ExecuteContext ctx) {
                    seen.add(ctx.operation() + " " + ctx.tables() + " write=" + ctx.isWrite());
                }

                @Override
                public void handleError(ExecuteContext ctx, org.jalchemy.exc.DBAPIError error) {
                    assertThat(ctx.elapsedNanos()).isGreaterThanOrEqualTo(0);
                    seen.add("error " + ctx.errorKind() + " " + ctx.tables());
                }
            });
            try (Connection c = e.connect()) {
                c.execute(insert(USERS).values(Map.of(ID, 1, NAME, "ana")));
                c.execute(select(NAME).selectFrom(USERS).where(ID.eq(1))).all();
                assertThatThrownBy(() -> c.execute(insert(USERS).values(Map.of(ID, 1, NAME, "dup"))))
                        .isInstanceOf(IntegrityError.class);
            }
        }
        assertThat(seen).containsExactly("insert [hk_users] write=true", "select [hk_users] write=false",
                "error IntegrityError [hk_users]");
    }

    @BackendTest
    void anInterceptorCanAnswerAQueryOrPassItOn(Backend backend) {
        schema(backend);
        try (Engine e = backend.newEngine(o -> o)) {
            try (Connection c = e.connect()) {
                c.execute(insert(USERS).values(Map.of(ID, 1, NAME, "ana")));
                c.commit();
            }
            List<String> intercepted = new ArrayList<>();
            EngineEvents.Registration reg = e.events().intercept(inv -> {
                intercepted.add(inv.compiled().tables() + " " + java.util.Arrays.toString(inv.values()));
                if (inv.values().length == 1 && Integer.valueOf(42).equals(inv.values()[0])) {
                    return Result.fromRows(inv.connection(), new RowMetadata(new String[]{"name"}),
                            List.<Object[]>of(new Object[]{"from-interceptor"}));
                }
                return inv.proceed();
            });
            try (Connection c = e.connect()) {
                assertThat(c.execute(select(NAME).selectFrom(USERS).where(ID.eq(1))).scalarOne()).isEqualTo("ana");
                assertThat(c.execute(select(NAME).selectFrom(USERS).where(ID.eq(42))).scalarOne())
                        .isEqualTo("from-interceptor");
                c.execute(update(USERS).values(Map.of(NAME, "x")).where(ID.eq(42))); // DML is not intercepted
            }
            assertThat(intercepted).containsExactly("[hk_users] [1]", "[hk_users] [42]");
            reg.close();
            try (Connection c = e.connect()) {
                assertThat(c.execute(select(NAME).selectFrom(USERS).where(ID.eq(42))).all()).isEmpty();
            }
        }
    }

    @BackendTest
    void slowQueryThresholdLogsSqlDurationMaskedParametersAndCallSite(Backend backend) {
        schema(backend);
        PrintStream original = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            try (Engine e = backend.newEngine(o -> o.slowQueryThreshold(Duration.ofNanos(1)))) {
                try (Connection c = e.connect()) {
                    c.execute(select(NAME).selectFrom(USERS).where(ID.eq(7))).all();
                }
            }
            try (Engine e = backend.newEngine(o -> o.slowQueryThreshold(Duration.ofNanos(1)).hideParameters(true))) {
                try (Connection c = e.connect()) {
                    c.execute(select(NAME).selectFrom(USERS).where(ID.eq(8))).all();
                }
            }
            try (Engine e = backend.newEngine(o -> o.slowQueryThreshold(Duration.ofHours(1)))) {
                try (Connection c = e.connect()) {
                    c.execute(select(NAME).selectFrom(USERS).where(ID.eq(9))).all();
                }
            }
        } finally {
            System.setErr(original);
        }
        String log = buf.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("jalchemy.engine.slow").contains("slow statement: ").contains("hk_users")
                .contains("[parameters: (7)]").contains("[parameters: [parameters hidden]]")
                .containsPattern("slow statement: [0-9.]+ ms \\(slowQueryThreshold 0 ms\\) at (?!org\\.jalchemy\\.engine)\\S+\\(")
                .doesNotContain("(8)").doesNotContain("(9)");
    }
}
