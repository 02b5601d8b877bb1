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
 * The flags of {@code revision} (--rev-id, --head, --splice, --branch-label, --depends-on) and the
 * graph commands (heads, branches, show, merge) reach {@code Commands}; stamp with --purge and --sql.
 */
class BranchesAndStampTest {
    @TempDir
    Path tmp;

    private static final String A = "aaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbb";
    private static final String C = "cccccccccccc";

    private void branchedScripts(Workspace ws) {
        ws.ok("init", tmp.resolve("migrations").toString());
        ws.ok("revision", "-m", "a", "--rev-id", A);
        ws.ok("revision", "-m", "b", "--rev-id", B);
        ws.ok("revision", "-m", "c", "--rev-id", C, "--head", A, "--splice", "--branch-label", "feature", "--depends-on", B);
    }

    @Test
    void revisionFlagsBranchesShowAndMerge() throws Exception {
        try (Workspace ws = new Workspace(tmp, Backends.get("sqlite"), "unused", "jv_graph")) {
            branchedScripts(ws);
            String nl = System.lineSeparator();
            // --head without --splice on a revision that is not a head is refused
            CliTest.Run noSplice = ws.migrate("revision", "-m", "d", "--head", A);
            assertThat(noSplice.code()).isEqualTo(1);
            assertThat(noSplice.err()).contains("is not a head revision; use --splice");

            assertThat(ws.ok("heads").out()).isEqualTo(B + " (head)" + nl + C + " (feature) (head)" + nl);
            assertThat(ws.ok("branches").out()).startsWith(A + " (branchpoint)" + nl).contains("    -> " + A + " -> " + B)
                    .contains("    -> " + A + " -> " + C);
            assertThat(ws.ok("show", "feature").out()).contains("Rev: " + C + " (head)").contains("Parent: " + A)
                    .contains("Also depends on: " + B).contains("Branch names: feature");

            ws.ok("merge", "heads", "-m", "join");
            List<Path> scripts = ws.scripts();
            assertThat(scripts).hasSize(4);
            String heads = ws.ok("heads").out();
            assertThat(heads.lines()).hasSize(1);
            assertThat(heads).endsWith(" (head)" + nl).doesNotContain(B).doesNotContain(C);
            Path merge = scripts.stream().filter(p -> p.getFileName().toString().endsWith("_join.java")).findFirst().orElseThrow();
            assertThat(Files.readString(merge)).contains("\"" + B + "\"").contains("\"" + C + "\"");
        }
    }

    @Test
    void scriptsInTheConfigsPackageCompileAndLoad() throws Exception {
        try (Workspace ws = new Workspace(tmp, Backends.get("sqlite"), "unused", "jv_pkg")) {
            ws.ok("init", tmp.resolve("migrations").toString());
            ws.ok("-x", "package=com.app.migrations", "revision", "-m", "a", "--rev-id", A);
            assertThat(Files.readString(ws.scripts().get(0))).startsWith("package com.app.migrations;");
            ws.ok("revision", "-m", "b", "--rev-id", B);   // no package: both kinds in one directory
            assertThat(ws.ok("history").out()).contains(A + " -> " + B + " (head), b").contains("<base> -> " + A + ", a");
        }
    }

    /** lint reads the scripts, needs no database: exit 1 on a finding, 0 once silenced; --json and --verbose reach Commands. */
    @Test
    void lintExitsOneOnFindingsAndZeroWhenSilenced() throws Exception {
        try (Workspace ws = new Workspace(tmp, Backends.get("postgresql"), "unused_lint", "jv_lint")) {
            ws.compileModels(false);   // lint reads the models too (a dropped column still mapped is worse)
            ws.ok("init", tmp.resolve("migrations").toString());
            ws.ok("revision", "-m", "drop email", "--rev-id", A);
            Path script = ws.scripts().get(0);
            String original = java.nio.file.Files.readString(script);
            Workspace.fill(script, "op.dropColumn(\"users\", \"email\");", "");
            CliTest.Run found = ws.migrate("lint");
            assertThat(found.code()).as(found.err()).isEqualTo(1);
            assertThat(found.out()).contains("R_" + A + " line ").contains("[drop-column] error")
                    .contains("1 finding (1 error, 0 warnings, 0 advice) [postgresql]");
            assertThat(found.err()).startsWith("jalchemy: error: lint: ").contains(" finding");
            CliTest.Run json = ws.migrate("lint", "--json");
            assertThat(json.code()).isEqualTo(1);
            assertThat(json.out().strip()).startsWith("{").endsWith("}").contains("\"drop-column\"");

            java.nio.file.Files.writeString(script, original);
            Workspace.fill(script, "op.ignoring(\"drop-column\").dropColumn(\"users\", \"email\");", "");
            CliTest.Run silenced = ws.ok("lint");
            assertThat(silenced.out()).isEqualTo("No findings (1 silenced) [postgresql]" + System.lineSeparator());
            assertThat(ws.ok("lint", "-v").out()).contains("drop-column");
        }
    }

    @Test
    void stampSqlPrintsTheVersionTableStatements() throws Exception {
        try (Workspace ws = new Workspace(tmp, Backends.get("sqlite"), "unused", "jv_stamp_sql")) {
            ws.ok("init", tmp.resolve("migrations").toString());
            ws.ok("revision", "-m", "a", "--rev-id", A);
            CliTest.Run sql = ws.ok("stamp", A, "--sql");
            assertThat(sql.out()).contains("jv_stamp_sql").contains(A);
            assertThat(ws.columns("jv_stamp_sql")).isEmpty();
        }
    }

    @BackendTest
    void stampMovesTheVersionTableAndPurgeForgetsUnknownRevisions(Backend backend) throws Exception {
        try (Workspace ws = new Workspace(tmp, backend, "unused_stamp", "jv_stamp")) {
            branchedScripts(ws);
            String nl = System.lineSeparator();
            assertThat(ws.ok("stamp", B).out()).isEqualTo("  Stamped " + B + nl);
            assertThat(ws.ok("current").out()).isEqualTo(A + " -> " + B + " (head), b" + nl);
            // the branch is stamped beside it: two heads in the version table
            ws.ok("stamp", "feature@head");
            assertThat(ws.ok("current").out().lines()).hasSize(2);

            // a revision the scripts do not know: reported, and only --purge clears it
            Path c = ws.scripts().stream().filter(p -> p.getFileName().toString().contains(C)).findFirst().orElseThrow();
            Files.delete(c);
            assertThat(ws.ok("current").out()).contains(C + " (not in the script directory)");
            ws.ok("stamp", "--purge", A);
            assertThat(ws.ok("current").out()).isEqualTo("<base> -> " + A + ", a" + nl);
        }
    }
}
