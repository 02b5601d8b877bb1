package org.jalchemy.maven;

import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.schema.Inspector;
import org.jalchemy.schema.Reflected;
import org.jalchemy.testing.Backend;
import org.jalchemy.testing.BackendTest;
import org.jalchemy.testing.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin in a real Maven run: {@code src/it/sample} (models in {@code src/main/java},
 * two hand-written revisions, a {@code jalchemy.toml} with no classpath) copied to a temporary
 * directory and built with {@code mvn -o} against {@code target/it-repo}, the local repository the
 * pre-integration-test phase filled with this plugin, the jalchemy modules of this build and every
 * library and plugin the sample needs ({@code invoker:install}). Each Maven run is bounded (180 s)
 * and killed past that.
 */
class MavenPluginIT {
    static final Path SAMPLE = Path.of("src/it/sample").toAbsolutePath();
    static final String TABLE = "users_plugin";
    static final String VERSION_TABLE = "jv_plugin";

    @TempDir
    Path tmp;

    record Mvn(int code, String log) {
    }

    private Path project() throws IOException {
        Path dst = tmp.resolve("sample");
        try (Stream<Path> s = Files.walk(SAMPLE)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(SAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.writeString(t, Files.readString(p).replace("@jalchemy.version@", System.getProperty("jalchemy.version")));
                }
            }
        }
        return dst;
    }

    static Mvn mvn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
        cmd.addAll(List.of("-o", "-B", "-ntp"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("mvn", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().remove("JALCHEMY_URL");
            if (Runtime.version().feature() >= 24) {
                pb.environment().merge("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow", (a, b) -> a + " " + b);
            }
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 180 s:\n" + Files.readString(log));
            }
            return new Mvn(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static List<String> columns(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            Inspector i = new Inspector(c);
            return i.hasTable(table) ? i.getColumns(table).stream().map(Reflected.Column::name).toList() : List.of();
        }
    }

    /**
     * One build: upgrade (to head by default), current, history, heads, then downgrade with the
     * POM's configuration ({@code jalchemy:downgrade@undo-last}, target -1) and current again —
     * the project's models and scripts, the database of the backend.
     */
    @BackendTest
    void goalsRunWithTheProjectClasspath(Backend backend) throws Exception {
        Path project = project();
        String url = backend.isSqlite() ? "sqlite:///" + project.resolve("app.db") : backend.url();
        Engine engine = backend.isSqlite() ? Jalchemy.createEngine(url) : backend.engine();
        if (!backend.isSqlite()) {
            Db.dropTables(engine, TABLE, VERSION_TABLE);
        }
        try {
            Mvn run = mvn(project, "compile", "jalchemy:upgrade", "jalchemy:current", "jalchemy:history", "jalchemy:heads",
                    "jalchemy:downgrade@undo-last", "jalchemy:current",
                    "-Djalchemy.url=" + url, "-Djalchemy.x=version_table=" + VERSION_TABLE);
            assertThat(run.code()).as(run.log()).isZero();
            String log = run.log();
            assertThat(log).contains("--- jalchemy-maven-plugin:" + System.getProperty("jalchemy.version") + ":upgrade (default-cli)")
                    .contains("--- jalchemy-maven-plugin:" + System.getProperty("jalchemy.version") + ":downgrade (undo-last)")
                    .contains("BUILD SUCCESS");
            // in order: both upgrades, current at head, history, heads, the downgrade, current one below
            int up = log.indexOf("Running upgrade 0a0000000001 -> 0b0000000002, add email ... done in ");
            int atHead = log.indexOf("[INFO] 0a0000000001 -> 0b0000000002 (head), add email", up);
            int history = log.indexOf("[INFO] <base> -> 0a0000000001, create users", atHead);
            int heads = log.indexOf("[INFO] 0b0000000002 (head)", history);
            int down = log.indexOf("Running downgrade 0b0000000002 -> 0a0000000001, add email ... done in ", heads);
            int after = log.indexOf("[INFO] <base> -> 0a0000000001, create users", down);
            assertThat(List.of(up, atHead, history, heads, down, after)).as(log).doesNotContain(-1);
            assertThat(columns(engine, TABLE)).containsExactly("id", "username");
        } finally {
            if (backend.isSqlite()) {
                engine.dispose();
            } else {
                Db.dropTables(engine, TABLE, VERSION_TABLE);
            }
        }
    }

    /** jalchemy:check passes when the models match the database and fails the build when they do not (SQLite: the mapping, not the diff, is under test). */
    @Test
    void checkFailsTheBuildWhenModelsAndDatabaseDiffer() throws Exception {
        Path project = project();
        String url = "sqlite:///" + project.resolve("app.db");
        Mvn same = mvn(project, "compile", "jalchemy:upgrade", "jalchemy:check", "-Djalchemy.url=" + url);
        assertThat(same.code()).as(same.log()).isZero();
        assertThat(same.log()).contains("No new upgrade operations detected.");

        // the database at head loses a column the models have
        Engine engine = Jalchemy.createEngine(url);
        try {
            Db.exec(engine, "ALTER TABLE " + TABLE + " DROP COLUMN email");
        } finally {
            engine.dispose();
        }
        Mvn differ = mvn(project, "jalchemy:check", "-Djalchemy.url=" + url);
        assertThat(differ.code()).as(differ.log()).isEqualTo(1);
        assertThat(differ.log()).contains("New upgrade operations detected:").contains("email")
                .contains("The models and the database differ").contains("BUILD FAILURE");
    }

    /** init, revision, stamp and current in one build (each goal sees what the one before wrote); a bad URL fails with the password masked. */
    @Test
    void initRevisionStampAndAMaskedError() throws Exception {
        Path project = project();
        Path cfg = project.resolve("other.toml");
        String url = "sqlite:///" + project.resolve("other.db");
        Mvn run = mvn(project, "jalchemy:init", "jalchemy:revision", "jalchemy:stamp", "jalchemy:current",
                "-Djalchemy.directory=" + project.resolve("other"), "-Djalchemy.config=" + cfg, "-Djalchemy.url=" + url,
                "-Djalchemy.message=first step", "-Djalchemy.revId=0c0000000003", "-Djalchemy.target=0c0000000003");
        assertThat(run.code()).as(run.log()).isZero();
        assertThat(cfg).isRegularFile();
        try (Stream<Path> s = Files.list(project.resolve("other/versions"))) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("R_0c0000000003_first_step.java");
        }
        assertThat(run.log()).contains("Stamped 0c0000000003").contains("<base> -> 0c0000000003 (head), first step");

        Mvn bad = mvn(project, "jalchemy:current", "-Djalchemy.url=postgresql://app:Sup3rS3cret@127.0.0.1:1/nodb");
        assertThat(bad.code()).as(bad.log()).isEqualTo(1);
        assertThat(bad.log()).contains("BUILD FAILURE").contains("postgresql://app:***@127.0.0.1:1/nodb").doesNotContain("Sup3rS3cret");
    }

    private static String[] concat(List<String> a, String[] b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return out.toArray(String[]::new);
    }
}
