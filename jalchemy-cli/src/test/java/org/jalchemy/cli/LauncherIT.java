package org.jalchemy.cli;

import org.jalchemy.testing.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/jalchemy} as a user runs it: a separate process in the project's directory (the config
 * found there, no {@code -c}), on the runnable jar {@code target/jalchemy.jar}. Runs in Maven's
 * integration-test phase, after the jar is packaged. Every process is bounded (60 s) and killed
 * past that.
 */
class LauncherIT {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path LAUNCHER = ROOT.resolve("bin/jalchemy");

    @TempDir
    Path tmp;

    record Proc(int code, String out, String err) {
    }

    static Proc run(Path cwd, List<String> args) throws IOException, InterruptedException {
        return run(cwd, java.util.Map.of(), args);
    }

    static Proc run(Path cwd, java.util.Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(args);
        Path out = Files.createTempFile("jalchemy-out", ".txt");
        Path err = Files.createTempFile("jalchemy-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("JALCHEMY_CONFIG");
            pb.environment().remove("JALCHEMY_URL");
            // the jar this build just packaged, never a nested Maven build (sources edited meanwhile would trigger one)
            pb.environment().put("JALCHEMY_REBUILD", "0");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("bin/jalchemy " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void versionAndUsageExitCodes() throws Exception {
        Proc v = run(tmp, List.of("--version"));
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("jalchemy 0.1.0");
        // no warning about native access or anything else on a clean run
        assertThat(v.err()).isEmpty();
        Proc usage = run(tmp, List.of("migrate", "upgrade"));
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required parameter: 'TARGET'");
    }

    @Test
    void noJdkIsSaidClearly() throws Exception {
        // a PATH with the shell tools the launcher uses and no java/javac; nowhere else to look
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("bash", "env", "dirname", "readlink", "sed", "head", "cat")) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "--version").directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("JALCHEMY_JDK_DIRS", tmp.resolve("no-jdks-here").toString());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (var links = Files.list(bin)) {
            for (Path l : links.toList()) {
                Files.delete(l);
            }
        }
        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(text).contains("jalchemy needs a JDK 21 or newer, and none was found.");
    }

    /**
     * init → revision → upgrade head → current → downgrade -1, each a process, the config found in the
     * working directory. On SQLite only: the commands' behaviour on every backend is
     * {@link MigrateFlowTest}'s; this is about the launcher and the jar.
     */
    @Test
    void guideFlowThroughTheLauncherOnSqlite() throws Exception {
        try (Workspace ws = new Workspace(tmp, Backends.get("sqlite"), "users_launcher", "jv_launcher")) {
            List<String> x = List.of("-x", "url=" + ws.url, "-x", "version_table=" + ws.versionTable);
            Proc init = run(tmp, List.of("migrate", "init", "migrations"));
            assertThat(init.code()).as(init.err()).isZero();
            assertThat(tmp.resolve("jalchemy.toml")).isRegularFile();

            Proc rev = run(tmp, List.of("migrate", "revision", "-m", "add email"));
            assertThat(rev.code()).as(rev.err()).isZero();
            Path script = ws.scripts().get(0);
            Workspace.fill(script, MigrateFlowTest.CREATE_USERS.formatted(ws.table) + " "
                    + MigrateFlowTest.ADD_EMAIL.formatted(ws.table), "op.dropTable(\"" + ws.table + "\");");

            List<String> up = new ArrayList<>(List.of("migrate"));
            up.addAll(x);
            up.addAll(List.of("upgrade", "head"));
            Proc upgrade = run(tmp, up);
            assertThat(upgrade.code()).as(upgrade.err()).isZero();
            assertThat(ws.columns(ws.table)).containsExactly("id", "username", "email");
            // progress on stdout; the bundled SLF4J provider's log lines on stderr, nothing else there
            assertThat(upgrade.out()).startsWith("Running upgrade -> " + Workspace.revisionOf(script) + ", add email ... done in ");
            assertThat(upgrade.err()).matches("INFO jalchemy\\.migrate - Compiled 1 revision script of migrations/versions in \\d+ ms\\R");

            List<String> cur = new ArrayList<>(List.of("migrate"));
            cur.addAll(x);
            cur.add("current");
            Proc current = run(tmp, cur);
            assertThat(current.code()).as(current.err()).isZero();
            assertThat(current.out()).contains(Workspace.revisionOf(script));

            List<String> down = new ArrayList<>(List.of("migrate", "downgrade", "-1"));
            down.addAll(x);
            Proc downgrade = run(tmp, down);
            assertThat(downgrade.code()).as(downgrade.err()).isZero();
            assertThat(ws.columns(ws.table)).isEmpty();

            // from another directory, the config named by JALCHEMY_CONFIG
            Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
            Proc history = run(elsewhere, java.util.Map.of("JALCHEMY_CONFIG", tmp.resolve("jalchemy.toml").toString()),
                    List.of("migrate", "history"));
            assertThat(history.code()).as(history.err()).isZero();
            assertThat(history.out()).isEqualTo("<base> -> " + Workspace.revisionOf(script) + " (head), add email" + System.lineSeparator());
        }
    }
}
