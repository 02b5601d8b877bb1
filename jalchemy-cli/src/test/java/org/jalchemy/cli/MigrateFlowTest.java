package org.jalchemy.cli;

import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's flow through the CLI, in-process, on every backend: {@code init migrations} →
 * {@code revision} → {@code upgrade head} → {@code downgrade -1}, with the listings in between.
 * {@link #guideFlowWithHandWrittenRevisions} fills the scripts by hand; {@link #guideFlowWithAutogenerate}
 * lets {@code --autogenerate} write them from a models class compiled for the test.
 */
class MigrateFlowTest {
    @TempDir
    Path tmp;

    static final String CREATE_USERS = "op.createTable(\"%s\", org.jalchemy.migrate.Ddl.column(\"id\", org.jalchemy.types.SqlTypes.integer()).primaryKey(),"
            + " org.jalchemy.migrate.Ddl.column(\"username\", org.jalchemy.types.SqlTypes.string(50)).nullable(false));";
    static final String ADD_EMAIL = "op.addColumn(\"%s\", org.jalchemy.migrate.Ddl.column(\"email\", org.jalchemy.types.SqlTypes.string(120)).nullable(true));";

    @BackendTest
    void guideFlowWithHandWrittenRevisions(Backend backend) throws Exception {
        try (Workspace ws = new Workspace(tmp, backend, "users", "jalchemy_version")) {
            ws.compileModels(true);
            CliTest.Run init = ws.ok("init", tmp.resolve("migrations").toString());
            assertThat(ws.config).isRegularFile();
            assertThat(tmp.resolve("migrations/versions")).isDirectory();
            assertThat(init.out()).contains("  Creating directory " + tmp.resolve("migrations/versions") + " ... done")
                    .contains("  Generating " + ws.config + " ... done");

            assertThat(ws.ok("revision", "-m", "create users").out())
                    .matches("  Generating .*/R_[0-9a-f]{12}_create_users\\.java \\.\\.\\. done\\R");
            List<Path> one = ws.scripts();
            Path first = one.get(0);
            Workspace.fill(first, CREATE_USERS.formatted(ws.table), "op.dropTable(\"" + ws.table + "\");");
            ws.ok("revision", "-m", "add email");
            Path second = Workspace.newScript(one, ws.scripts());
            assertThat(second.getFileName().toString()).contains("add_email").endsWith(".java");
            Workspace.fill(second, ADD_EMAIL.formatted(ws.table), "op.dropColumn(\"" + ws.table + "\", \"email\");");
            String rev1 = Workspace.revisionOf(first);
            String rev2 = Workspace.revisionOf(second);
            assertThat(Files.readString(second)).contains("\"" + rev1 + "\"");   // its down revision

            // the exact lines docs/migrations-cli.md shows
            String nl = System.lineSeparator();
            assertThat(ws.ok("heads").out()).isEqualTo(rev2 + " (head)" + nl);
            assertThat(ws.ok("history").out()).isEqualTo(rev1 + " -> " + rev2 + " (head), add email" + nl
                    + "<base> -> " + rev1 + ", create users" + nl);
            assertThat(ws.ok("current").out()).isEqualTo("(base: no revision applied)" + nl);

            CliTest.Run up = ws.ok("upgrade", "head");
            assertThat(up.out()).matches("Running upgrade -> " + rev1 + ", create users \\.\\.\\. done in \\d+\\.\\d{3} s\\R"
                    + "Running upgrade " + rev1 + " -> " + rev2 + ", add email \\.\\.\\. done in \\d+\\.\\d{3} s\\R");
            assertThat(ws.columns(ws.table)).containsExactly("id", "username", "email");
            assertThat(ws.ok("current").out()).isEqualTo(rev1 + " -> " + rev2 + " (head), add email" + nl);

            CliTest.Run down = ws.ok("downgrade", "-1");
            assertThat(down.out()).matches("Running downgrade " + rev2 + " -> " + rev1 + ", add email \\.\\.\\. done in \\d+\\.\\d{3} s\\R");
            assertThat(ws.columns(ws.table)).containsExactly("id", "username");
            assertThat(ws.ok("current").out()).isEqualTo("<base> -> " + rev1 + ", create users" + nl);

            ws.ok("downgrade", "base");
            assertThat(ws.columns(ws.table)).isEmpty();
        }
    }

    @BackendTest
    void offlineSqlPrintsTheScriptWithoutTouchingTheDatabase(Backend backend) throws Exception {
        try (Workspace ws = new Workspace(tmp, backend, "users_offline", "jv_offline")) {
            ws.compileModels(true);
            ws.ok("init", tmp.resolve("migrations").toString());
            ws.ok("revision", "-m", "create users");
            Path first = ws.scripts().get(0);
            Workspace.fill(first, CREATE_USERS.formatted(ws.table), "op.dropTable(\"" + ws.table + "\");");
            ws.ok("revision", "-m", "add email");
            Workspace.fill(Workspace.newScript(List.of(first), ws.scripts()), ADD_EMAIL.formatted(ws.table),
                    "op.dropColumn(\"" + ws.table + "\", \"email\");");

            CliTest.Run sql = ws.ok("upgrade", "base:head", "--sql");
            assertThat(sql.out()).containsIgnoringCase("CREATE TABLE").containsIgnoringCase("ALTER TABLE")
                    .contains(ws.table).contains("email");
            assertThat(ws.columns(ws.table)).isEmpty();
            assertThat(ws.columns(ws.versionTable)).isEmpty();
        }
    }

    /** Compilation happens before any connection: SQLite stands for every backend. */
    @Test
    void aScriptThatDoesNotCompileIsOneErrorLineNamingFileAndLine() throws Exception {
        try (Workspace ws = new Workspace(tmp, Backends.get("sqlite"), "users_bad", "jv_bad")) {
            ws.ok("init", tmp.resolve("migrations").toString());
            ws.ok("revision", "-m", "broken");
            Path script = ws.scripts().get(0);
            Workspace.fill(script, "op.addColum(\"users_bad\", null);", "");
            CliTest.Run r = ws.migrate("upgrade", "head");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("jalchemy: error: Revision script ").contains(script.getFileName() + ":")
                    .contains("cannot find symbol").contains("addColum");
            assertThat(r.err().lines().count()).isEqualTo(1);
            assertThat(ws.columns(ws.table)).isEmpty();
        }
    }

    @BackendTest
    void guideFlowWithAutogenerate(Backend backend) throws Exception {
        try (Workspace ws = new Workspace(tmp, backend, "users_auto", "jv_auto")) {
            ws.compileModels(false);
            ws.ok("init", tmp.resolve("migrations").toString());
            CliTest.Run created = ws.migrate("revision", "--autogenerate", "-m", "create users");
            assertThat(created.code()).as(created.err()).isZero();
            assertThat(created.out()).contains("Generating ").contains("create_users");
            Path first = ws.scripts().get(0);
            assertThat(Files.readString(first)).contains("createTable(\"users_auto\"");
            ws.ok("upgrade", "head");
            assertThat(ws.columns(ws.table)).containsExactly("id", "username");
            ws.ok("check");

            // the model gains a field: check fails until a revision adds the column
            ws.compileModels(true);
            CliTest.Run differ = ws.migrate("check");
            assertThat(differ.code()).isEqualTo(1);
            assertThat(differ.out()).startsWith("New upgrade operations detected:").contains("email");
            assertThat(differ.err()).isEqualTo("jalchemy: error: The models and the database differ: run 'jalchemy migrate revision --autogenerate'"
                    + System.lineSeparator());

            ws.ok("revision", "--autogenerate", "-m", "add email");
            Path second = Workspace.newScript(List.of(first), ws.scripts());
            assertThat(Files.readString(second)).contains("addColumn(\"users_auto\"").contains("\"email\"")
                    .contains("dropColumn(\"users_auto\", \"email\")");
            ws.ok("upgrade", "head");
            assertThat(ws.columns(ws.table)).containsExactly("id", "username", "email");
            ws.ok("check");

            ws.ok("downgrade", "-1");
            assertThat(ws.columns(ws.table)).containsExactly("id", "username");
            CliTest.Run behind = ws.migrate("check");
            assertThat(behind.code()).isEqualTo(1);
            assertThat(behind.err()).contains("not up to date");
        }
    }
}
