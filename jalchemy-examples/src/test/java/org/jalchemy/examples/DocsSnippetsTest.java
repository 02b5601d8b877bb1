package org.jalchemy.examples;

import org.jalchemy.examples.tools.Snippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md and docs/ hold only Java code that is a region of a compiled, tested example source. */
class DocsSnippetsTest {

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void everyJavaBlockInTheDocsMatchesItsSource() {
        assertThat(Snippets.check(repoRoot())).as("stale or unmarked snippets (fix with ./dev docs)").isEmpty();
    }

    @Test
    void staleAndUnmarkedBlocksAreReportedAndSyncRepairsThem(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/A.java"), "class A {\n    // tag::x[]\n    int a = 1;\n    // end::x[]\n}\n");
        Files.writeString(root.resolve("README.md"), "# t\n<!-- snippet: src/A.java#x -->\n```java\nint a = 2;\n```\n\n```java\nfree();\n```\n");
        assertThat(Snippets.check(root)).hasSize(2)
                .anySatisfy(p -> assertThat(p.message()).contains("differs from its source"))
                .anySatisfy(p -> assertThat(p.message()).contains("without a"));
        assertThat(Snippets.sync(root)).isEqualTo(1);
        assertThat(Files.readString(root.resolve("README.md"))).contains("```java\nint a = 1;\n```");
        assertThat(Snippets.check(root)).hasSize(1);
    }
}
