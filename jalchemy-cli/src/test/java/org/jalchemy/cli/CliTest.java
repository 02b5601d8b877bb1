package org.jalchemy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line itself (no database): parsing, help, exit codes, error lines, masking. */
class CliTest {
    @TempDir
    Path dir;

    /** One in-process run: exit code, standard output, standard error. */
    record Run(int code, String out, String err) {
    }

    static Run jalchemy(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = JalchemyCli.run(o, e, args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelpExitZero() {
        Run v = jalchemy("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("jalchemy ").contains("SNAPSHOT").contains("Java ");
        assertThat(jalchemy("migrate", "upgrade", "--version").out()).isEqualTo(v.out());

        Run h = jalchemy("migrate", "--help");
        assertThat(h.code()).isZero();
        for (String c : new String[]{"init", "revision", "upgrade", "downgrade", "current", "history", "heads", "branches",
                "merge", "stamp", "show", "check", "lint"}) {
            assertThat(h.out()).contains("  " + c + " ");
        }
        Run r = jalchemy("migrate", "revision", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--autogenerate", "--head", "--splice", "--branch-label", "--rev-id", "--depends-on",
                "-m, --message", "-c, --config", "-x=KEY=VALUE", "--debug");
    }

    @Test
    void usageErrorsExitTwoWithTheUsage() {
        Run missing = jalchemy("migrate", "upgrade");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter: 'TARGET'").contains("Usage: jalchemy migrate upgrade");

        Run unknown = jalchemy("migrate", "upgrayed", "head");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched arguments").contains("upgrayed");

        Run badOption = jalchemy("migrate", "current", "--verbos");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option: '--verbos'");

        assertThat(jalchemy().code()).isEqualTo(2);
        assertThat(jalchemy("migrate").code()).isEqualTo(2);
    }

    @Test
    void anErrorIsOneLineWithoutStackTraceUnlessDebug() {
        Path cfg = dir.resolve("nowhere.toml");
        // -1 is a target, not an option; -c may follow the command
        Run r = jalchemy("migrate", "downgrade", "-1", "-c", cfg.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("jalchemy: error: No migration config at " + cfg
                + ": run 'jalchemy migrate init migrations' first, or pass -c/--config" + System.lineSeparator());

        Run d = jalchemy("--debug", "migrate", "-c", cfg.toString(), "current");
        assertThat(d.code()).isEqualTo(1);
        assertThat(d.err()).contains("jalchemy: error: No migration config at " + cfg)
                .contains("org.jalchemy.migrate.MigrationError").contains("\tat org.jalchemy.migrate.config.MigrateConfig.load");
    }

    @Test
    void aConfigWithoutUrlNamesEveryWayToGiveOne() throws Exception {
        Path cfg = dir.resolve("jalchemy.toml");
        Files.writeString(cfg, "[migrate]\nscript_location = \"migrations\"\n");
        Run r = jalchemy("migrate", "-c", cfg.toString(), "current");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("jalchemy: error: ").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void passwordsAreMaskedInErrors() {
        assertThat(Redact.mask("could not connect to postgresql://app:s3cr3t@db:5432/prod (password=s3cr3t)", java.util.List.of()))
                .isEqualTo("could not connect to postgresql://app:***@db:5432/prod (password=***)");
        assertThat(Redact.mask("FATAL: password authentication failed, tried hunter22", java.util.List.of("hunter22")))
                .isEqualTo("FATAL: password authentication failed, tried ***");
        assertThat(Redact.mask("sqlite:///file.db has no password", java.util.List.of())).isEqualTo("sqlite:///file.db has no password");
    }

    @Test
    void aFailingConnectionPrintsTheUrlMasked() throws Exception {
        Path cfg = dir.resolve("jalchemy.toml");
        Files.writeString(cfg, "[migrate]\nscript_location = \"migrations\"\n");
        Files.createDirectories(dir.resolve("migrations/versions"));
        // nothing listens on port 1: the driver's error (which may quote the URL) must not show the password
        Run r = jalchemy("migrate", "-c", cfg.toString(), "-x", "url=postgresql://app:Sup3rS3cret@127.0.0.1:1/nodb", "current");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("jalchemy: error: ").doesNotContain("Sup3rS3cret");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void errorsThatAreNotJalchemysNameTheirType() {
        assertThat(JalchemyCli.oneLine(new IllegalStateException("boom\n  second line")))
                .isEqualTo("IllegalStateException: boom second line");
        assertThat(JalchemyCli.oneLine(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
