package org.jalchemy.cli;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.URL;
import org.jalchemy.schema.Inspector;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, taking over a database that Alembic migrates: three real Alembic revisions (Debian's
 * python3-alembic 1.8 through {@code /usr/bin/python3}; {@code .ci/run} installs it) bring the
 * database to head; {@code jalchemy migrate stamp --from-alembic} writes the baseline revision with
 * Alembic's head id and stamps it; a revision written by hand on top of it is applied by
 * {@code upgrade head}. Alembic's table is left as it was, and Alembic still reports its head.
 */
class InteropAlembicTakeoverTest {
    static final String PYTHON = "/usr/bin/python3";
    static final List<String> TABLES = List.of("at_orders", "at_customers", "alembic_version", "jalchemy_version_progress",
            "jalchemy_version_lock");

    @TempDir
    Path tmp;

    @BackendTest
    void interopAdoptAnAlembicDatabaseThenMigrateOneStepFurther(Backend backend) throws Exception {
        try (Workspace ws = new Workspace(tmp, backend, "at_models", "jalchemy_version")) {
            Engine engine = backend.isSqlite() ? Jalchemy.createEngine(ws.url) : backend.engine();
            try {
                if (!backend.isSqlite()) {
                    Db.dropTables(engine, TABLES.toArray(String[]::new));
                    if (backend.isPostgresql()) {
                        Db.exec(engine, "DROP TYPE IF EXISTS at_status");
                    }
                }
                ws.compileModels(false);
                Path alembic = alembicProject(sqlalchemyUrl(backend, ws.url));
                python(alembic, "-m", "alembic", "upgrade", "head");
                assertThat(python(alembic, "-m", "alembic", "current")).contains("c3d4e5f6a1b2 (head)");
                assertThat(columns(engine, "at_customers")).containsExactly("id", "name", "email");

                ws.ok("init", tmp.resolve("migrations").toString());
                // jalchemy recognises the Alembic database: current says so, upgrade refuses
                assertThat(ws.ok("current").out()).contains("Alembic's alembic_version is at c3d4e5f6a1b2: take the"
                        + " database over with 'stamp --from-alembic'");
                CliTest.Run early = ws.migrate("upgrade", "head");
                assertThat(early.code()).isNotZero();
                assertThat(early.err()).contains("The database is migrated by Alembic (alembic_version is at c3d4e5f6a1b2)");
                CliTest.Run adopt = ws.ok("stamp", "--from-alembic");
                assertThat(adopt.out()).contains("R_c3d4e5f6a1b2_adopted_from_alembic.java ... done")
                        .contains("Stamped c3d4e5f6a1b2 (adopted from alembic_version)")
                        .contains("alembic_version left in place");
                assertThat(ws.scripts()).hasSize(1);
                assertThat(version(engine, "jalchemy_version")).isEqualTo("c3d4e5f6a1b2");
                String nl = System.lineSeparator();
                assertThat(ws.ok("current").out()).isEqualTo(
                        "<base> -> c3d4e5f6a1b2 (head), adopted from Alembic" + nl);
                // again, as on a second copy of the database: the baseline exists, nothing new is written
                assertThat(ws.ok("stamp", "--from-alembic").out()).doesNotContain("Generating")
                        .contains("Stamped c3d4e5f6a1b2");
                assertThat(ws.scripts()).hasSize(1);

                // one jalchemy revision on top, written by hand
                List<Path> before = ws.scripts();
                ws.ok("revision", "-m", "add phone");
                Path next = Workspace.newScript(before, ws.scripts());
                assertThat(Files.readString(next)).contains("return \"c3d4e5f6a1b2\";");
                Workspace.fill(next, "op.addColumn(\"at_customers\", org.jalchemy.migrate.Ddl.column(\"phone\","
                        + " org.jalchemy.types.SqlTypes.string(30)).nullable(true));", "op.dropColumn(\"at_customers\", \"phone\");");
                String rev = Workspace.revisionOf(next);
                assertThat(ws.ok("upgrade", "head").out()).contains("Running upgrade c3d4e5f6a1b2 -> " + rev + ", add phone");
                assertThat(columns(engine, "at_customers")).containsExactly("id", "name", "email", "phone");
                assertThat(version(engine, "jalchemy_version")).isEqualTo(rev);
                assertThat(version(engine, "alembic_version")).isEqualTo("c3d4e5f6a1b2");
                assertThat(python(alembic, "-m", "alembic", "current")).contains("c3d4e5f6a1b2 (head)");

                // adopted already: a second adoption is refused, naming where the database is
                CliTest.Run twice = ws.migrate("stamp", "--from-alembic");
                assertThat(twice.code()).isNotZero();
                assertThat(twice.err()).contains("already at jalchemy revision(s) [" + rev + "]");

                // autogenerate continues from the live schema Alembic built: models matching at_customers
                // (as Alembic and the hand-written revision left it) plus one new column give one op
                compileCustomer(ws);
                List<Path> beforeAuto = ws.scripts();
                CliTest.Run auto = CliTest.jalchemy("migrate", "-c", ws.config.toString(), "-x", "url=" + ws.url,
                        "-x", "version_table=" + ws.versionTable, "-x", "classpath=" + ws.models,
                        "-x", "target_entities=com.example.models.Customer", "-x", "include_tables=at_customers",
                        "revision", "--autogenerate", "-m", "vip");
                assertThat(auto.code()).as(auto.out() + auto.err()).isZero();
                assertThat(auto.out().lines().filter(l -> l.contains("Detected")).toList())
                        .as(auto.out()).singleElement().satisfies(l -> assertThat(l).contains("vip"));
                String autoRev = Workspace.revisionOf(Workspace.newScript(beforeAuto, ws.scripts()));
                ws.ok("upgrade", "head");
                assertThat(columns(engine, "at_customers")).containsExactly("id", "name", "email", "phone", "vip");
                ws.ok("downgrade", "-1");
                assertThat(version(engine, "jalchemy_version")).isEqualTo(rev).isNotEqualTo(autoRev);

                // down to the baseline: jalchemy's step is undone, Alembic's schema stays
                ws.ok("downgrade", "-1");
                assertThat(columns(engine, "at_customers")).containsExactly("id", "name", "email");
                assertThat(version(engine, "jalchemy_version")).isEqualTo("c3d4e5f6a1b2");
            } finally {
                if (backend.isSqlite()) {
                    engine.dispose();
                } else {
                    Db.dropTables(engine, TABLES.toArray(String[]::new));
                    if (backend.isPostgresql()) {
                        Db.exec(engine, "DROP TYPE IF EXISTS at_status");
                    }
                }
            }
        }
    }

    @BackendTest
    void interopAdoptionRefusesADatabaseWithoutAlembicAndDropsTheTableWhenAsked(Backend backend) throws Exception {
        try (Workspace ws = new Workspace(tmp, backend, "at_models2", "jalchemy_version")) {
            Engine engine = backend.isSqlite() ? Jalchemy.createEngine(ws.url) : backend.engine();
            try {
                Db.dropTables(engine, TABLES.toArray(String[]::new));
                ws.compileModels(false);
                ws.ok("init", tmp.resolve("migrations").toString());
                CliTest.Run none = ws.migrate("stamp", "--from-alembic");
                assertThat(none.code()).isNotZero();
                assertThat(none.err()).contains("No table alembic_version in the database");
                CliTest.Run both = ws.migrate("stamp", "head", "--from-alembic");
                assertThat(both.code()).isEqualTo(2);

                Db.exec(engine, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
                        "INSERT INTO alembic_version VALUES ('0123456789ab')");
                assertThat(ws.ok("stamp", "--from-alembic", "--drop-alembic-table").out()).contains("Dropped alembic_version");
                assertThat(version(engine, "jalchemy_version")).isEqualTo("0123456789ab");
                try (Connection c = engine.connect()) {
                    assertThat(new Inspector(c).hasTable("alembic_version")).isFalse();
                }
            } finally {
                Db.dropTables(engine, TABLES.toArray(String[]::new));
                if (backend.isSqlite()) {
                    engine.dispose();
                }
            }
        }
    }

    /** Compiles {@code Customer}, at_customers as Alembic and the "add phone" revision made it, plus {@code vip}. */
    static void compileCustomer(Workspace ws) throws IOException {
        Path src = Files.createDirectories(ws.dir.resolve("models-src/com/example/models"));
        Path customer = src.resolve("Customer.java");
        Files.writeString(customer, """
                package com.example.models;

                import org.jalchemy.orm.annotations.Column;
                import org.jalchemy.orm.annotations.Entity;
                import org.jalchemy.orm.annotations.Id;
                import org.jalchemy.orm.annotations.Index;

                @Entity(table = "at_customers")
                @Index(name = "ix_at_customers_email", columns = "email", unique = true)
                public class Customer {
                    @Id
                    public Integer id;
                    @Column(nullable = false, length = 100)
                    public String name;
                    @Column(length = 200)
                    public String email;
                    @Column(length = 30)
                    public String phone;
                    public Boolean vip;

                    protected Customer() {
                    }
                }
                """);
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", ws.models.toString(),
                "-cp", System.getProperty("java.class.path"), "-proc:none", customer.toString());
        assertThat(rc).as("Customer compiles").isZero();
    }

    /** SQLAlchemy's URL for the workspace's database. */
    static String sqlalchemyUrl(Backend backend, String jalchemyUrl) {
        URL u = URL.parse(jalchemyUrl);
        if (backend.isSqlite()) {
            return "sqlite:///" + Path.of(u.database()).toAbsolutePath();
        }
        String auth = u.username() + (u.password() == null ? "" : ":" + u.password()) + "@";
        String hostPort = u.host() + ":" + (u.port() != null ? u.port() : backend.isPostgresql() ? 5432 : 3306);
        return backend.isPostgresql() ? "postgresql+psycopg2://" + auth + hostPort + "/" + u.database()
                : "mysql+pymysql://" + auth + hostPort + "/" + u.database() + "?charset=utf8mb4";
    }

    /** An Alembic project ({@code alembic init}) on {@code url} with three revisions. */
    Path alembicProject(String url) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("alembic-project"));
        python(project, "-m", "alembic", "init", "alembic");
        Path ini = project.resolve("alembic.ini");
        Files.writeString(ini, Files.readString(ini).replaceAll("(?m)^sqlalchemy\\.url = .*$",
                java.util.regex.Matcher.quoteReplacement("sqlalchemy.url = " + url.replace("%", "%%"))));
        Path versions = project.resolve("alembic/versions");
        Files.writeString(versions.resolve("a1b2c3d4e5f6_customers.py"), revision("a1b2c3d4e5f6", null, """
                    op.create_table("at_customers",
                                    sa.Column("id", sa.Integer, primary_key=True),
                                    sa.Column("name", sa.String(100), nullable=False))
                """, """
                    op.drop_table("at_customers")
                """));
        Files.writeString(versions.resolve("b2c3d4e5f6a1_orders.py"), revision("b2c3d4e5f6a1", "a1b2c3d4e5f6", """
                    op.create_table("at_orders",
                                    sa.Column("id", sa.Integer, primary_key=True),
                                    sa.Column("customer_id", sa.Integer, sa.ForeignKey("at_customers.id"), nullable=False),
                                    sa.Column("total", sa.Numeric(10, 2)),
                                    sa.Column("status", sa.Enum("NEW", "PAID", name="at_status")),
                                    sa.Column("created", sa.DateTime))
                """, """
                    op.drop_table("at_orders")
                    sa.Enum(name="at_status").drop(op.get_bind(), checkfirst=True)
                """));
        Files.writeString(versions.resolve("c3d4e5f6a1b2_email.py"), revision("c3d4e5f6a1b2", "b2c3d4e5f6a1", """
                    op.add_column("at_customers", sa.Column("email", sa.String(200)))
                    op.create_index("ix_at_customers_email", "at_customers", ["email"], unique=True)
                """, """
                    op.drop_index("ix_at_customers_email", "at_customers")
                    op.drop_column("at_customers", "email")
                """));
        return project;
    }

    private static String revision(String id, String down, String upgrade, String downgrade) {
        return """
                from alembic import op
                import sqlalchemy as sa

                revision = "%s"
                down_revision = %s
                branch_labels = None
                depends_on = None


                def upgrade():
                %s

                def downgrade():
                %s
                """.formatted(id, down == null ? "None" : "\"" + down + "\"", upgrade, downgrade);
    }

    /** Runs {@code /usr/bin/python3 args} in {@code dir}; returns standard output and error, failing on a non-zero exit. */
    static String python(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            String text = out.join();
            if (p.exitValue() != 0) {
                throw new AssertionError(cmd + " exited " + p.exitValue() + ":\n" + text
                        + (text.contains("No module named") ? "\n(apt-get install -y python3-alembic python3-psycopg2"
                        + " python3-pymysql; .ci/run does)" : ""));
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> columns(Engine e, String table) {
        try (Connection c = e.connect()) {
            return new Inspector(c).getColumns(table).stream().map(col -> col.name()).toList();
        }
    }

    private static String version(Engine e, String table) {
        try (Connection c = e.connect()) {
            return String.valueOf(c.execDriverSql("SELECT version_num FROM " + table).scalarOne());
        }
    }
}
